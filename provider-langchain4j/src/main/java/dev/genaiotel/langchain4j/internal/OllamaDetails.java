package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.InferenceRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * LangChain4j's Ollama models ({@code langchain4j-ollama}): what provider-ollama records from the request's
 * {@code options} that only {@link OllamaChatRequestParameters} exposes: {@code seed} ({@code gen_ai.request.seed}),
 * {@code num_ctx} and {@code repeat_penalty} (under provider-ollama's names; a provider module never depends on
 * another, so the keys are spelled here too). LangChain4j hands listeners no Ollama response metadata (durations),
 * so there is nothing to read from the response. Loaded only through {@link ProviderDetails}.
 */
final class OllamaDetails {

    /** {@code ollama.request.num_ctx}, as provider-ollama records it. */
    static final AttributeKey<Long> NUM_CTX = AttributeKey.longKey("ollama.request.num_ctx");
    /** {@code ollama.request.repeat_penalty}, as provider-ollama records it. */
    static final AttributeKey<Double> REPEAT_PENALTY = AttributeKey.doubleKey("ollama.request.repeat_penalty");

    private OllamaDetails() {}

    static void request(ChatRequestParameters parameters, InferenceRequest.Builder builder) {
        if (!(parameters instanceof OllamaChatRequestParameters ollama)) {
            return;
        }
        if (ollama.seed() != null) {
            builder.seed(ollama.seed().longValue());
        }
        if (ollama.numCtx() == null && ollama.repeatPenalty() == null) {
            return;
        }
        AttributesBuilder attributes = Attributes.builder();
        if (ollama.numCtx() != null) {
            attributes.put(NUM_CTX, ollama.numCtx().longValue());
        }
        if (ollama.repeatPenalty() != null) {
            attributes.put(REPEAT_PENALTY, ollama.repeatPenalty());
        }
        builder.attributes(attributes.build());
    }
}
