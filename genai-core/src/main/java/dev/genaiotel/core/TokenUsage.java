package dev.genaiotel.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token counts of one operation ({@code gen_ai.usage.*}). Every count is nullable: null means the provider did not
 * report it, and nothing is recorded for it.
 *
 * @param inputTokens {@code gen_ai.usage.input_tokens}: all input tokens, including cache reads and writes
 * @param outputTokens {@code gen_ai.usage.output_tokens}: all output tokens, including reasoning
 * @param cacheReadInputTokens {@code gen_ai.usage.cache_read.input_tokens}
 * @param cacheWriteInputTokens {@code gen_ai.usage.cache_write.input_tokens}
 * @param reasoningOutputTokens {@code gen_ai.usage.reasoning.output_tokens}
 * @param modalities the per-modality breakdown the provider reported ({@code gen_ai.usage.text.*},
 *     {@code gen_ai.usage.image.*}, {@code gen_ai.usage.audio.*}, and {@code gen_ai.token.modality} on the usage
 *     counters of conventions v0.1.0); empty when it reported none. Never derived: a modality the provider did not
 *     count is not listed.
 */
public record TokenUsage(
        Long inputTokens, Long outputTokens, Long cacheReadInputTokens, Long cacheWriteInputTokens,
        Long reasoningOutputTokens, List<ModalityTokens> modalities) {

    /**
     * The tokens of one modality, as the provider counted them.
     *
     * @param modality {@code text}, {@code image}, {@code audio} (see {@code TokenModality}) or another value
     * @param inputTokens the input tokens of this modality, or null
     * @param outputTokens the output tokens of this modality, or null
     * @param cacheReadInputTokens the input tokens of this modality read from a cache, or null
     */
    public record ModalityTokens(String modality, Long inputTokens, Long outputTokens, Long cacheReadInputTokens) {

        /** Checks the modality. */
        public ModalityTokens {
            Objects.requireNonNull(modality, "modality");
        }
    }

    /** Copies the breakdown. */
    public TokenUsage {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }

    /** Usage without a per-modality breakdown. */
    public TokenUsage(Long inputTokens, Long outputTokens, Long cacheReadInputTokens, Long cacheWriteInputTokens,
            Long reasoningOutputTokens) {
        this(inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, reasoningOutputTokens, List.of());
    }

    /** This usage with the per-modality breakdown the provider reported. */
    public TokenUsage withModalities(List<ModalityTokens> value) {
        return new TokenUsage(inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens,
                reasoningOutputTokens, value);
    }

    /** Usage with only input and output counts. */
    public static TokenUsage of(long inputTokens, long outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, null, null, null);
    }

    /**
     * Reads a provider's usage object, given as a {@link Map} (for example the parsed JSON {@code usage} object).
     * The shape is told by the keys present; no reflection is used, so typed SDK objects must be converted to maps
     * by the caller (provider modules do this).
     *
     * <ul>
     *   <li>OpenAI Chat Completions: {@code prompt_tokens}, {@code completion_tokens},
     *       {@code prompt_tokens_details.cached_tokens}, {@code completion_tokens_details.reasoning_tokens}.
     *       Input already includes cached tokens.</li>
     *   <li>OpenAI Responses: {@code input_tokens}, {@code output_tokens}, {@code input_tokens_details.cached_tokens},
     *       {@code output_tokens_details.reasoning_tokens}.</li>
     *   <li>Anthropic: {@code input_tokens}, {@code output_tokens}, {@code cache_read_input_tokens},
     *       {@code cache_creation_input_tokens}. Anthropic's input excludes the cache, so the three are summed.</li>
     *   <li>Bedrock Converse: {@code inputTokens}, {@code outputTokens}, {@code cacheReadInputTokens},
     *       {@code cacheWriteInputTokens}; summed the same way.</li>
     *   <li>Ollama: {@code prompt_eval_count}, {@code eval_count}.</li>
     * </ul>
     *
     * @param usage a map, or null
     * @return the usage, or null when {@code usage} is null, not a map, or carries none of the known keys
     */
    public static TokenUsage from(Object usage) {
        if (!(usage instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.containsKey("prompt_tokens") || map.containsKey("completion_tokens")) {
            return new TokenUsage(number(map, "prompt_tokens"), number(map, "completion_tokens"),
                    nested(map, "prompt_tokens_details", "cached_tokens"), null,
                    nested(map, "completion_tokens_details", "reasoning_tokens"));
        }
        if (map.containsKey("cache_read_input_tokens") || map.containsKey("cache_creation_input_tokens")) {
            Long read = number(map, "cache_read_input_tokens");
            Long write = number(map, "cache_creation_input_tokens");
            return new TokenUsage(sum(number(map, "input_tokens"), read, write), number(map, "output_tokens"),
                    read, write, null);
        }
        if (map.containsKey("input_tokens") || map.containsKey("output_tokens")) {
            return new TokenUsage(number(map, "input_tokens"), number(map, "output_tokens"),
                    nested(map, "input_tokens_details", "cached_tokens"), null,
                    nested(map, "output_tokens_details", "reasoning_tokens"));
        }
        if (map.containsKey("inputTokens") || map.containsKey("outputTokens")) {
            Long read = number(map, "cacheReadInputTokens");
            Long write = number(map, "cacheWriteInputTokens");
            return new TokenUsage(sum(number(map, "inputTokens"), read, write), number(map, "outputTokens"),
                    read, write, null);
        }
        if (map.containsKey("prompt_eval_count") || map.containsKey("eval_count")) {
            return new TokenUsage(number(map, "prompt_eval_count"), number(map, "eval_count"), null, null, null);
        }
        return null;
    }

    /**
     * This usage with every count this one lacks taken from {@code other}.
     *
     * @param other the usage to fill from, or null
     */
    public TokenUsage orElse(TokenUsage other) {
        if (other == null) {
            return this;
        }
        return new TokenUsage(
                inputTokens != null ? inputTokens : other.inputTokens,
                outputTokens != null ? outputTokens : other.outputTokens,
                cacheReadInputTokens != null ? cacheReadInputTokens : other.cacheReadInputTokens,
                cacheWriteInputTokens != null ? cacheWriteInputTokens : other.cacheWriteInputTokens,
                reasoningOutputTokens != null ? reasoningOutputTokens : other.reasoningOutputTokens,
                !modalities.isEmpty() ? modalities : other.modalities);
    }

    /** The sum of two usages, count by count; a count is null only when null in both. */
    public TokenUsage plus(TokenUsage other) {
        if (other == null) {
            return this;
        }
        return new TokenUsage(add(inputTokens, other.inputTokens), add(outputTokens, other.outputTokens),
                add(cacheReadInputTokens, other.cacheReadInputTokens),
                add(cacheWriteInputTokens, other.cacheWriteInputTokens),
                add(reasoningOutputTokens, other.reasoningOutputTokens), plus(modalities, other.modalities));
    }

    /** The breakdowns added modality by modality, in order of first appearance. */
    private static List<ModalityTokens> plus(List<ModalityTokens> a, List<ModalityTokens> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<String, ModalityTokens> sums = new LinkedHashMap<>();
        for (List<ModalityTokens> list : List.of(a, b)) {
            for (ModalityTokens tokens : list) {
                sums.merge(tokens.modality(), tokens, (x, y) -> new ModalityTokens(x.modality(),
                        add(x.inputTokens(), y.inputTokens()), add(x.outputTokens(), y.outputTokens()),
                        add(x.cacheReadInputTokens(), y.cacheReadInputTokens())));
            }
        }
        return List.copyOf(sums.values());
    }

    private static Long add(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }

    private static Long sum(Long input, Long read, Long write) {
        if (input == null) {
            return null;
        }
        return input + (read == null ? 0 : read) + (write == null ? 0 : write);
    }

    private static Long nested(Map<?, ?> map, String outer, String inner) {
        return map.get(outer) instanceof Map<?, ?> details ? number(details, inner) : null;
    }

    private static Long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
