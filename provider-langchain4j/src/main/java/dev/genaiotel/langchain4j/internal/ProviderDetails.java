package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;

/**
 * What LangChain4j exposes about a call only on a provider's own types (its {@code ChatRequestParameters} and
 * {@code ChatResponseMetadata} subclasses), recorded as the native provider module records it: OpenAI
 * ({@link OpenAiDetails}) and Ollama ({@link OllamaDetails}). A provider's types are read only when its LangChain4j
 * module is present: each is an optional dependency of this module, and a missing or incompatible one costs these
 * attributes only (logged once).
 */
final class ProviderDetails {

    private static volatile boolean openAi = present("dev.langchain4j.model.openai.OpenAiChatRequestParameters");
    private static volatile boolean ollama = present("dev.langchain4j.model.ollama.OllamaChatRequestParameters");

    private ProviderDetails() {}

    /** Adds what {@code parameters} tell beyond the common parameters. */
    static void request(ChatRequestParameters parameters, InferenceRequest.Builder builder) {
        if (parameters == null) {
            return;
        }
        if (openAi) {
            try {
                OpenAiDetails.request(parameters, builder);
            } catch (LinkageError e) {
                openAi = false;
                FailSoft.log("langchain4j-open-ai request parameters", e);
            }
        }
        if (ollama) {
            try {
                OllamaDetails.request(parameters, builder);
            } catch (LinkageError e) {
                ollama = false;
                FailSoft.log("langchain4j-ollama request parameters", e);
            }
        }
    }

    /** Adds what {@code metadata} tells beyond the common response metadata. */
    static void response(ChatResponseMetadata metadata, InferenceResponse.Builder builder) {
        if (openAi && metadata != null) {
            try {
                OpenAiDetails.response(metadata, builder);
            } catch (LinkageError e) {
                openAi = false;
                FailSoft.log("langchain4j-open-ai response metadata", e);
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ProviderDetails.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
