package dev.genaiotel.openai.internal;

import dev.genaiotel.semconv.ProviderName;
import java.net.URI;
import java.util.Locale;

/**
 * Where a client sends its requests, as the telemetry reports it: {@code gen_ai.provider.name},
 * {@code server.address} and {@code server.port}, told from the client's base URL.
 *
 * @param providerName the provider, see {@link ProviderName}
 * @param serverAddress the host, or null when the base URL has none
 * @param serverPort the port (the scheme's default when the URL names none), or null
 * @param openAiApi true for OpenAI's own API ({@code api.openai.com})
 */
public record Endpoint(String providerName, String serverAddress, Long serverPort, boolean openAiApi) {

    static final String OPENAI_HOST = "api.openai.com";
    static final long OLLAMA_PORT = 11434;

    /**
     * The endpoint of a base URL.
     *
     * @param baseUrl the client's base URL, or null when unknown
     * @param fallbackProvider the provider for hosts this does not recognise, or null for {@code openai}
     */
    public static Endpoint of(String baseUrl, String fallbackProvider) {
        String fallback = fallbackProvider == null || fallbackProvider.isBlank() ? ProviderName.OPENAI
                : fallbackProvider;
        if (baseUrl == null) {
            return new Endpoint(fallback, null, null, false);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            return new Endpoint(fallback, null, null, false);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return new Endpoint(fallback, null, null, false);
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        Long serverPort;
        if (port >= 0) {
            serverPort = (long) port;
        } else if ("http".equalsIgnoreCase(uri.getScheme())) {
            serverPort = 80L;
        } else {
            serverPort = 443L;
        }
        String provider = provider(lowerHost, serverPort, fallback);
        return new Endpoint(provider, host, serverPort, lowerHost.equals(OPENAI_HOST));
    }

    private static String provider(String host, long port, String fallback) {
        if (host.equals(OPENAI_HOST)) {
            return ProviderName.OPENAI;
        }
        if (host.endsWith(".openai.azure.com")) {
            return ProviderName.AZURE_AI_OPENAI;
        }
        if (host.endsWith(".services.ai.azure.com") || host.endsWith(".models.ai.azure.com")) {
            return ProviderName.AZURE_AI_INFERENCE;
        }
        if (port == OLLAMA_PORT && isLoopback(host)) {
            return ProviderName.OLLAMA;
        }
        return switch (host) {
            case "api.deepseek.com" -> ProviderName.DEEPSEEK;
            case "api.groq.com" -> ProviderName.GROQ;
            case "api.mistral.ai" -> ProviderName.MISTRAL_AI;
            case "api.x.ai" -> ProviderName.X_AI;
            case "api.perplexity.ai" -> ProviderName.PERPLEXITY;
            case "api.moonshot.ai", "api.moonshot.cn" -> ProviderName.MOONSHOT_AI;
            case "api.anthropic.com" -> ProviderName.ANTHROPIC;
            case "api.cohere.ai", "api.cohere.com" -> ProviderName.COHERE;
            case "generativelanguage.googleapis.com" -> ProviderName.GCP_GEMINI;
            case "aiplatform.googleapis.com" -> ProviderName.GCP_VERTEX_AI;
            default -> host.endsWith("-aiplatform.googleapis.com") ? ProviderName.GCP_VERTEX_AI
                    : host.endsWith(".ml.cloud.ibm.com") ? ProviderName.IBM_WATSONX_AI : fallback;
        };
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")
                || host.equals("host.docker.internal");
    }
}
