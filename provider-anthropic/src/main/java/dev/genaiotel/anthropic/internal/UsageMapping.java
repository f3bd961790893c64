package dev.genaiotel.anthropic.internal;

import com.anthropic.models.messages.Usage;
import dev.genaiotel.core.TokenUsage;

/**
 * Anthropic's token usage to the core's. Anthropic's {@code input_tokens} leaves out the tokens read from and written
 * to the prompt cache, so {@code gen_ai.usage.input_tokens} is {@code input_tokens + cache_read_input_tokens +
 * cache_creation_input_tokens}, as the conventions' Anthropic page requires; the two cache counts are also reported
 * on their own ({@code gen_ai.usage.cache_read.input_tokens}, {@code gen_ai.usage.cache_write.input_tokens}), and
 * {@code output_tokens_details.thinking_tokens} as {@code gen_ai.usage.reasoning.output_tokens}. Anthropic reports no
 * per-modality counts, so none are listed.
 */
final class UsageMapping {

    private UsageMapping() {}

    /** The usage of a message; each count read on its own, so a count the server left out costs that count only. */
    static TokenUsage of(Usage usage) {
        return of(usage._inputTokens().asKnown().orElse(null), usage._outputTokens().asKnown().orElse(null),
                usage._cacheReadInputTokens().asKnown().orElse(null),
                usage._cacheCreationInputTokens().asKnown().orElse(null),
                usage._outputTokensDetails().asKnown().flatMap(details -> details._thinkingTokens().asKnown())
                        .orElse(null));
    }

    /**
     * Usage from Anthropic's counts.
     *
     * @param input {@code input_tokens}, without the cache; or null
     * @param output {@code output_tokens}, or null
     * @param cacheRead {@code cache_read_input_tokens}, or null
     * @param cacheWrite {@code cache_creation_input_tokens}, or null
     * @param thinking {@code output_tokens_details.thinking_tokens}, or null
     */
    static TokenUsage of(Long input, Long output, Long cacheRead, Long cacheWrite, Long thinking) {
        Long total = input == null ? null
                : input + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
        return new TokenUsage(total, output, cacheRead, cacheWrite, thinking);
    }
}
