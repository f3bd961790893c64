package dev.genaiotel.langchain4j.internal;

import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_REQUEST_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * LangChain4j's OpenAI models ({@code langchain4j-open-ai}): what provider-openai records that only
 * {@link OpenAiChatRequestParameters} and {@link OpenAiChatResponseMetadata} expose. Request: {@code seed}
 * ({@code gen_ai.request.seed}), {@code max_completion_tokens} (which OpenAI sends in place of {@code max_tokens},
 * so it is {@code gen_ai.request.max_tokens}), {@code reasoning_effort} ({@code gen_ai.request.reasoning.level}) and a
 * service tier other than {@code auto} ({@code openai.request.service_tier}). Response: {@code service_tier} and
 * {@code system_fingerprint}. Loaded only through {@link ProviderDetails}, when the module is present.
 */
final class OpenAiDetails {

    private OpenAiDetails() {}

    static void request(ChatRequestParameters parameters, InferenceRequest.Builder builder) {
        if (!(parameters instanceof OpenAiChatRequestParameters openAi)) {
            return;
        }
        if (openAi.seed() != null) {
            builder.seed(openAi.seed().longValue());
        }
        if (openAi.maxCompletionTokens() != null) {
            builder.maxTokens(openAi.maxCompletionTokens().longValue());
        }
        if (openAi.reasoningEffort() != null) {
            builder.reasoningLevel(openAi.reasoningEffort());
        }
        String tier = openAi.serviceTier();
        if (tier != null && !"auto".equals(tier)) {
            builder.attributes(Attributes.of(OPENAI_REQUEST_SERVICE_TIER, tier));
        }
    }

    static void response(ChatResponseMetadata metadata, InferenceResponse.Builder builder) {
        if (!(metadata instanceof OpenAiChatResponseMetadata openAi)) {
            return;
        }
        if (openAi.serviceTier() == null && openAi.systemFingerprint() == null) {
            return;
        }
        AttributesBuilder attributes = Attributes.builder();
        if (openAi.serviceTier() != null) {
            attributes.put(OPENAI_RESPONSE_SERVICE_TIER, openAi.serviceTier());
        }
        if (openAi.systemFingerprint() != null) {
            attributes.put(OPENAI_RESPONSE_SYSTEM_FINGERPRINT, openAi.systemFingerprint());
        }
        builder.attributes(attributes.build());
    }
}
