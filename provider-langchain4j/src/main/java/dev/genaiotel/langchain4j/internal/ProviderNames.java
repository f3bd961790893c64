package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.semconv.ProviderName;
import dev.langchain4j.model.ModelProvider;

/** LangChain4j's {@link ModelProvider} as a {@code gen_ai.provider.name}. */
public final class ProviderNames {

    private ProviderNames() {}

    /**
     * The semconv provider name of a LangChain4j provider: a well-known value where the conventions have one,
     * otherwise the enum constant's name in lower case (a custom value), and {@code otherName} for {@code OTHER} or
     * an unknown provider.
     *
     * @param provider the provider, or null when the model does not say
     */
    public static String of(ModelProvider provider, String otherName) {
        if (provider == null) {
            return otherName;
        }
        return switch (provider) {
            case OPEN_AI -> ProviderName.OPENAI;
            case AMAZON_BEDROCK -> ProviderName.AWS_BEDROCK;
            case OLLAMA -> ProviderName.OLLAMA;
            case ANTHROPIC -> ProviderName.ANTHROPIC;
            case GOOGLE_AI_GEMINI -> ProviderName.GCP_GEMINI;
            case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> ProviderName.GCP_VERTEX_AI;
            case GOOGLE_GENAI -> ProviderName.GCP_GEN_AI;
            case MISTRAL_AI -> ProviderName.MISTRAL_AI;
            case AZURE_OPEN_AI -> ProviderName.AZURE_AI_OPENAI;
            case MICROSOFT_FOUNDRY -> ProviderName.AZURE_AI_INFERENCE;
            case WATSONX -> ProviderName.IBM_WATSONX_AI;
            case COHERE -> ProviderName.COHERE;
            case GITHUB_MODELS -> "github_models";
            case VOYAGE_AI -> "voyage_ai";
            case JINA -> "jina";
            default -> otherName;
        };
    }
}
