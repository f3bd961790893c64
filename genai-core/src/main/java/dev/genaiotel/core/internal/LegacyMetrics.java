package dev.genaiotel.core.internal;

import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;

/**
 * The metrics that only the 1.41.0 names have: {@code gen_ai.client.token.usage} by {@code gen_ai.token.type}, and
 * time to first chunk and per output chunk under {@code gen_ai.client.operation.*}.
 */
final class LegacyMetrics {

    final LongHistogram tokenUsage;
    final DoubleHistogram timeToFirstChunk;
    final DoubleHistogram timePerOutputChunk;

    LegacyMetrics(Instruments instruments) {
        tokenUsage = instruments.longs(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE);
        timeToFirstChunk = instruments.doubles(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK);
        timePerOutputChunk = instruments.doubles(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK);
    }

    /** Input and output tokens of a successful operation that counts usage ({@code fetch_response} never does). */
    void tokens(Operation<?, ?> op, Points points, TokenUsage usage) {
        if (op.errorType != null || usage == null || !AttributeWriter.reportsUsage(op.operationName())) {
            return;
        }
        if (usage.inputTokens() != null) {
            tokenUsage.record(usage.inputTokens(), points.inputTokenType(), op.context);
        }
        if (usage.outputTokens() != null) {
            tokenUsage.record(usage.outputTokens(), points.outputTokenType(), op.context);
        }
    }
}
