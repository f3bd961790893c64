package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;

/** The finish reasons, token counts and message shapes that the Bedrock model families share. */
final class Vocabulary {

    /** The object Bedrock appends to the last chunk of a stream for most families. */
    static final String INVOCATION_METRICS = "amazon-bedrock-invocationMetrics";

    private Vocabulary() {}

    /**
     * A family's stop reason as a semconv finish reason: {@link FinishReason#normalize(String)} for the Anthropic,
     * Bedrock, OpenAI and Cohere spellings, plus Titan's ({@code FINISH}, {@code STOP_CRITERIA_MET}, {@code LENGTH},
     * {@code CONTENT_FILTERED}), Cohere's error variants ({@code ERROR_TOXIC}, {@code ERROR_LIMIT},
     * {@code USER_CANCEL}), Mistral's {@code model_length} and Nova's {@code malformed_*} reasons. Others are kept.
     *
     * @return the finish reason, or null for a null reason
     */
    static String finishReason(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "FINISH", "STOP_CRITERIA_MET", "end_of_turn", "eos" -> FinishReason.STOP;
            case "LENGTH", "ERROR_LIMIT", "model_length", "MAX_TOKENS_REACHED" -> FinishReason.LENGTH;
            case "CONTENT_FILTERED", "ERROR_TOXIC", "content_filter" -> FinishReason.CONTENT_FILTER;
            case "malformed_model_output", "malformed_tool_use", "USER_CANCEL" -> FinishReason.ERROR;
            default -> FinishReason.normalize(reason);
        };
    }

    /** The finish reason of an output message: {@code error} when the model gave none. */
    static String messageFinishReason(String normalized) {
        return normalized == null ? FinishReason.ERROR : normalized;
    }

    /** An assistant output message with the given parts and (normalised) finish reason. */
    static OutputMessage assistant(List<MessagePart> parts, String normalizedReason) {
        return new OutputMessage(Role.ASSISTANT, parts, messageFinishReason(normalizedReason));
    }

    /**
     * Usage whose input count excludes the cache, as Anthropic and Bedrock report it: the input tokens become
     * input + cache read + cache write (the AWS Bedrock and Anthropic pages of the GenAI conventions).
     *
     * @return the usage, or null when every count is null
     */
    static TokenUsage usageExcludingCache(Long input, Long output, Long cacheRead, Long cacheWrite) {
        if (input == null && output == null && cacheRead == null && cacheWrite == null) {
            return null;
        }
        Long total = input == null ? null
                : input + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
        return new TokenUsage(total, output, cacheRead, cacheWrite, null);
    }

    /** Usage with only input and output counts, or null when both are null. */
    static TokenUsage usage(Long input, Long output) {
        return input == null && output == null ? null : new TokenUsage(input, output, null, null, null);
    }

    /**
     * The counts of the {@code amazon-bedrock-invocationMetrics} object of a chunk ({@code inputTokenCount},
     * {@code outputTokenCount}, {@code cacheReadInputTokenCount}, {@code cacheWriteInputTokenCount}), or null.
     */
    static TokenUsage invocationMetrics(JsonNode chunk) {
        JsonNode metrics = chunk.path(INVOCATION_METRICS);
        if (!metrics.isObject()) {
            return null;
        }
        return usageExcludingCache(Json.longValue(metrics.path("inputTokenCount")),
                Json.longValue(metrics.path("outputTokenCount")),
                Json.longValue(metrics.path("cacheReadInputTokenCount")),
                Json.longValue(metrics.path("cacheWriteInputTokenCount")));
    }

    /**
     * Fills the counts the body's own usage lacked from the chunk's invocation metrics: the body's counts win, since
     * they are the model's own and already split out the cache.
     */
    static void fillFromInvocationMetrics(JsonNode chunk, StreamAccumulator accumulator) {
        TokenUsage metrics = invocationMetrics(chunk);
        if (metrics == null) {
            return;
        }
        TokenUsage seen = accumulator.toResponse().usage();
        accumulator.usage(seen == null ? metrics : seen.orElse(metrics));
    }
}
