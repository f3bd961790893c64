package dev.genaiotel.openai.internal;

import com.openai.core.JsonField;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.responses.ResponseUsage;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.TokenUsage.ModalityTokens;
import dev.genaiotel.semconv.TokenModality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's token usage to the core's: the totals, the cache reads, the reasoning tokens and, for Chat Completions,
 * the per-modality counts OpenAI itself reported ({@code gen_ai.usage.{text,image,audio}.*}).
 *
 * <p>Nothing is derived: a modality OpenAI did not count (text as the total minus audio, say) is not listed, and
 * the core then records the rest of the total as {@code unknown}. A count of zero is left out like a missing one:
 * OpenAI sends {@code audio_tokens: 0} on every text-only answer, and recording it would add attributes to every
 * span that say nothing a backend can use (the usage counters skip zero adds anyway). Detail counts are read with
 * {@link JsonField#asKnown()}, so a detail the server sent in another shape costs that count only.
 */
final class UsageMapping {

    private UsageMapping() {}

    /**
     * Chat Completions and legacy completions usage: {@code prompt_tokens_details} ({@code cached_tokens},
     * {@code text_tokens}, {@code image_tokens}, {@code audio_tokens}) and {@code completion_tokens_details}
     * ({@code reasoning_tokens}, {@code text_tokens}, {@code audio_tokens}).
     */
    static TokenUsage chat(CompletionUsage usage) {
        Optional<CompletionUsage.PromptTokensDetails> prompt = usage._promptTokensDetails().asKnown();
        Optional<CompletionUsage.CompletionTokensDetails> completion = usage._completionTokensDetails().asKnown();
        Long cached = prompt.isPresent() ? prompt.get()._cachedTokens().asKnown().orElse(null) : null;
        Long reasoning = completion.isPresent() ? completion.get()._reasoningTokens().asKnown().orElse(null) : null;
        long input = usage.promptTokens();
        long output = usage.completionTokens();
        if (prompt.isEmpty() && completion.isEmpty()) {
            return new TokenUsage(input, output, cached, null, reasoning);
        }
        CompletionUsage.PromptTokensDetails in = prompt.orElse(null);
        CompletionUsage.CompletionTokensDetails out = completion.orElse(null);
        // Text and image counts came after openai-java 4.49.0: on older versions they cost the modalities only.
        List<ModalityTokens> modalities = FailSoft.get("chat usage modalities", () -> modalities(in, out));
        return new TokenUsage(input, output, cached, null, reasoning, modalities);
    }

    private static List<ModalityTokens> modalities(CompletionUsage.PromptTokensDetails in,
            CompletionUsage.CompletionTokensDetails out) {
        List<ModalityTokens> modalities = add(null, TokenModality.TEXT, in == null ? null : count(in._textTokens()),
                out == null ? null : count(out._textTokens()));
        modalities = add(modalities, TokenModality.IMAGE, in == null ? null : count(in._imageTokens()), null);
        return add(modalities, TokenModality.AUDIO, in == null ? null : count(in._audioTokens()),
                out == null ? null : count(out._audioTokens()));
    }

    /**
     * Responses API usage: {@code input_tokens_details.cached_tokens} and
     * {@code output_tokens_details.reasoning_tokens}. The Responses API reports no per-modality counts, so none are
     * listed.
     */
    static TokenUsage responses(ResponseUsage usage) {
        return new TokenUsage(usage.inputTokens(), usage.outputTokens(), usage.inputTokensDetails().cachedTokens(),
                null, usage.outputTokensDetails().reasoningTokens());
    }

    /**
     * {@code modalities} with this modality added when OpenAI counted any of its tokens; the list is created on
     * first use, since text-only answers (nearly all) list none.
     */
    private static List<ModalityTokens> add(List<ModalityTokens> modalities, String modality, Long input,
            Long output) {
        if (input == null && output == null) {
            return modalities;
        }
        List<ModalityTokens> list = modalities == null ? new ArrayList<>(3) : modalities;
        list.add(new ModalityTokens(modality, input, output, null));
        return list;
    }

    /** A reported modality count above zero; null for a missing, null, zero or unreadable one. */
    private static Long count(JsonField<Long> field) {
        Optional<Long> known = field.asKnown();
        return known.isPresent() && known.get() > 0 ? known.get() : null;
    }
}
