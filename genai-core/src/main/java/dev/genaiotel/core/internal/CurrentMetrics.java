package dev.genaiotel.core.internal;

import dev.genaiotel.core.TokenUsage.ModalityTokens;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.TokenModality;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import java.util.List;
import java.util.function.Function;

/**
 * The inference and embeddings metrics of conventions v0.1.0: {@code gen_ai.client.inference.*} (duration, time to
 * first chunk and per output chunk, the usage counters by {@code gen_ai.token.modality}, the per-operation token
 * histograms) and {@code gen_ai.client.embeddings.*}.
 *
 * <p>Usage counters: each modality the provider counted is recorded under its own {@code gen_ai.token.modality}; what
 * the total has beyond the counted modalities is recorded as {@code unknown}, so that the counter still sums to the
 * total and no modality is guessed. Tokens are recorded for successful operations only.
 */
final class CurrentMetrics {

    final DoubleHistogram inferenceDuration;
    final DoubleHistogram timeToFirstChunk;
    final DoubleHistogram timePerOutputChunk;
    private final LongCounter inputTokens;
    private final LongCounter outputTokens;
    private final LongCounter cacheReadInputTokens;
    private final LongCounter cacheWriteInputTokens;
    private final LongCounter reasoningOutputTokens;
    private final LongHistogram operationInputTokens;
    private final LongHistogram operationOutputTokens;
    private final DoubleHistogram embeddingsDuration;
    private final LongHistogram embeddingsInputTokens;

    CurrentMetrics(Instruments instruments) {
        inferenceDuration = instruments.doubles(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION);
        timeToFirstChunk = instruments.doubles(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK);
        timePerOutputChunk = instruments.doubles(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK);
        inputTokens = instruments.counter(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS);
        outputTokens = instruments.counter(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS);
        cacheReadInputTokens =
                instruments.counter(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS);
        cacheWriteInputTokens =
                instruments.counter(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS);
        reasoningOutputTokens =
                instruments.counter(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS);
        operationInputTokens = instruments.longs(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS);
        operationOutputTokens =
                instruments.longs(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS);
        embeddingsDuration = instruments.doubles(GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_DURATION);
        embeddingsInputTokens =
                instruments.longs(GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS);
    }

    void inference(Operation<?, ?> op, double seconds, Points points, TokenUsage usage) {
        inferenceDuration.record(seconds, points.duration(), op.context);
        if (op.errorType != null || usage == null) {
            return;
        }
        List<ModalityTokens> modalities = usage.modalities();
        count(op, points, inputTokens, usage.inputTokens(), modalities, ModalityTokens::inputTokens);
        count(op, points, outputTokens, usage.outputTokens(), modalities, ModalityTokens::outputTokens);
        count(op, points, cacheReadInputTokens, usage.cacheReadInputTokens(), modalities,
                ModalityTokens::cacheReadInputTokens);
        count(op, points, cacheWriteInputTokens, usage.cacheWriteInputTokens(), List.of(), null);
        count(op, points, reasoningOutputTokens, usage.reasoningOutputTokens(), List.of(), null);
        if (usage.inputTokens() != null) {
            operationInputTokens.record(usage.inputTokens(), points.duration(), op.context);
        }
        if (usage.outputTokens() != null) {
            operationOutputTokens.record(usage.outputTokens(), points.duration(), op.context);
        }
    }

    void embeddings(Operation<?, ?> op, double seconds, Points points, Long inputTokens) {
        embeddingsDuration.record(seconds, points.duration(), op.context);
        if (op.errorType == null && inputTokens != null) {
            embeddingsInputTokens.record(inputTokens, points.duration(), op.context);
        }
    }

    /** One kind of token: each counted modality, then the rest of the total as {@code unknown}. */
    private static void count(Operation<?, ?> op, Points points, LongCounter counter, Long total,
            List<ModalityTokens> modalities, Function<ModalityTokens, Long> kind) {
        long counted = 0;
        for (int i = 0; i < modalities.size(); i++) {
            ModalityTokens tokens = modalities.get(i);
            Long value = kind.apply(tokens);
            if (value != null && value > 0) {
                counter.add(value, points.modality(tokens.modality()), op.context);
                counted += value;
            }
        }
        if (total != null && (total > counted || counted == 0)) {
            counter.add(Math.max(0, total - counted), points.modality(TokenModality.UNKNOWN), op.context);
        }
    }
}
