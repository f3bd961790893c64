package dev.genaiotel.javaagent.instrumentation;

/**
 * Names of genai-otel's own library classes as an application that uses the library modules directly has them. The
 * build relocates every {@code dev.genaiotel.} name in this jar, string constants included, so these are put
 * together at run time: they must keep naming the application's classes.
 */
public final class LibraryClassNames {

    private LibraryClassNames() {}

    /** The application's {@code OpenAITelemetry}. */
    public static String openAiTelemetry() {
        return providerPackage("openai") + "OpenAITelemetry";
    }

    /** The application's {@code BedrockTelemetry}. */
    public static String bedrockTelemetry() {
        return providerPackage("bedrock") + "BedrockTelemetry";
    }

    /** The application's {@code AnthropicTelemetry}. */
    public static String anthropicTelemetry() {
        return providerPackage("anthropic") + "AnthropicTelemetry";
    }

    /** The application's provider-ollama wrapper of {@code java.net.http.HttpClient}. */
    public static String ollamaHttpClient() {
        return providerPackage("ollama") + "internal.InstrumentedHttpClient";
    }

    /** The package prefix of the application's copy of a provider module, such as {@code dev.genaiotel.bedrock.}. */
    public static String providerPackage(String provider) {
        return String.join(".", "dev", "genaiotel", provider, "");
    }
}
