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
 * total and no modality is guessed. A zero the provider reported is added for input and output (the series exists)
 * but not for the cache and reasoning subsets; nothing is added when no usage arrived.
 *
 * <p>Failed operations: the conventions' copies disagree (semantic-conventions-genai issue #530). Until that is
 * settled, {@link #COUNT_FAILED_USAGE} says what is done: the counters take the usage a failed operation received
 * (tokens were spent), without {@code error.type}; the per-operation histograms take successful operations only.
 */
final class CurrentMetrics {

    /** Whether usage received by a failed operation is added to the usage counters; the one switch of that rule. */
    static final boolean COUNT_FAILED_USAGE = true;

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

    /**
     * @param points the points of the operation's dimensions
     * @param successPoints the same dimensions without {@code error.type}, for the usage counters
     */
    void inference(Operation<?, ?> op, double seconds, Points points, Points successPoints, TokenUsage usage) {
        inferenceDuration.record(seconds, points.duration(), op.context);
        boolean failed = op.errorType != null;
        if (usage == null || (failed && !COUNT_FAILED_USAGE)) {
            return;
        }
        List<ModalityTokens> modalities = usage.modalities();
        count(op, successPoints, inputTokens, usage.inputTokens(), modalities, ModalityTokens::inputTokens, true);
        count(op, successPoints, outputTokens, usage.outputTokens(), modalities, ModalityTokens::outputTokens, true);
        count(op, successPoints, cacheReadInputTokens, usage.cacheReadInputTokens(), modalities,
                ModalityTokens::cacheReadInputTokens, false);
        count(op, successPoints, cacheWriteInputTokens, usage.cacheWriteInputTokens(), List.of(), null, false);
        count(op, successPoints, reasoningOutputTokens, usage.reasoningOutputTokens(), List.of(), null, false);
        if (failed) {
            return;
        }
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

    /**
     * One kind of token: each counted modality, then the rest of the total as {@code unknown}; a reported zero total
     * only when {@code addZero}.
     */
    private static void count(Operation<?, ?> op, Points points, LongCounter counter, Long total,
            List<ModalityTokens> modalities, Function<ModalityTokens, Long> kind, boolean addZero) {
        long counted = 0;
        for (int i = 0; i < modalities.size(); i++) {
            ModalityTokens tokens = modalities.get(i);
            Long value = kind.apply(tokens);
            if (value != null && value > 0) {
                counter.add(value, points.modality(tokens.modality()), op.context);
                counted += value;
            }
        }
        if (total != null && (total > counted || (addZero && counted == 0 && total == 0))) {
            counter.add(total - counted, points.modality(TokenModality.UNKNOWN), op.context);
        }
    }
}
