package dev.genaiotel.bedrock.internal;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;

/**
 * Where a client sends its requests: {@code server.address} and {@code server.port}. An overridden endpoint is
 * reported as given; otherwise the public Bedrock Runtime endpoint of the client's region.
 *
 * @param address the host, or null when unknown
 * @param port the port, or null when unknown
 */
record Endpoint(String address, Long port) {

    static final Endpoint UNKNOWN = new Endpoint(null, null);

    /** The endpoint of an overridden URI, or of the region when the URI is null. */
    static Endpoint of(URI override, Region region) {
        if (override != null) {
            String host = override.getHost();
            if (host == null || host.isEmpty()) {
                return UNKNOWN;
            }
            int port = override.getPort();
            long resolved = port >= 0 ? port : "http".equalsIgnoreCase(override.getScheme()) ? 80 : 443;
            return new Endpoint(host, resolved);
        }
        if (region == null) {
            return UNKNOWN;
        }
        String id = region.id().toLowerCase(Locale.ROOT);
        String suffix = id.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
        return new Endpoint("bedrock-runtime." + id + suffix, 443L);
    }
}
