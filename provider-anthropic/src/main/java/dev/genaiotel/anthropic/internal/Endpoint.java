package dev.genaiotel.anthropic.internal;

import java.net.URI;

/**
 * Where a client sends its requests, as the telemetry reports it: {@code gen_ai.provider.name},
 * {@code server.address} and {@code server.port}.
 *
 * @param providerName the provider
 * @param serverAddress the host, or null when the base URL has none
 * @param serverPort the port (the scheme's default when the URL names none), or null
 */
public record Endpoint(String providerName, String serverAddress, Long serverPort) {

    /**
     * The endpoint of a base URL.
     *
     * @param baseUrl the client's base URL, or null when unknown
     * @param providerName the provider name
     */
    static Endpoint of(String baseUrl, String providerName) {
        if (baseUrl == null) {
            return new Endpoint(providerName, null, null);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            return new Endpoint(providerName, null, null);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return new Endpoint(providerName, null, null);
        }
        int port = uri.getPort();
        long serverPort = port >= 0 ? port : "http".equalsIgnoreCase(uri.getScheme()) ? 80L : 443L;
        return new Endpoint(providerName, host, serverPort);
    }
}
