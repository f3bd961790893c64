package dev.genaiotel.bedrock.internal;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Where a client sends its requests: {@code server.address} and {@code server.port}. An overridden endpoint is
 * reported as given; otherwise the public regional endpoint of the service, {@code <service>.<region>.<dns suffix>}
 * on port 443, with the DNS suffix of the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}, ...).
 *
 * @param address the host, or null when unknown
 * @param port the port, or null when unknown
 */
public record Endpoint(String address, Long port) {

    /** Neither address nor port known. */
    public static final Endpoint UNKNOWN = new Endpoint(null, null);

    /** The host prefix of Bedrock Runtime. */
    public static final String RUNTIME = "bedrock-runtime";
    /** The host prefix of Bedrock Agents Runtime. */
    public static final String AGENT_RUNTIME = "bedrock-agent-runtime";

    private static final String DEFAULT_DNS_SUFFIX = "amazonaws.com";

    /**
     * The endpoint of {@code client}, read from its configuration: its endpoint override, or else its region.
     *
     * @param service the host prefix of the service, {@link #RUNTIME} or {@link #AGENT_RUNTIME}
     * @param client the client
     * @return the endpoint; {@link #UNKNOWN} when the configuration cannot be read (logged once)
     */
    public static Endpoint of(String service, AwsClient client) {
        try {
            AwsServiceClientConfiguration configuration = client.serviceClientConfiguration();
            if (configuration == null) {
                return UNKNOWN;
            }
            return of(service, configuration.endpointOverride().orElse(null), configuration.region());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(service + " client endpoint", e);
            return UNKNOWN;
        }
    }

    /**
     * The endpoint of an overridden URI, or of {@code service} in the region when the URI is null.
     *
     * @param service the host prefix of the service, {@link #RUNTIME} or {@link #AGENT_RUNTIME}
     * @param override the client's endpoint override, or null
     * @param region the client's region, or null
     * @return the endpoint; {@link #UNKNOWN} when neither tells a host
     */
    public static Endpoint of(String service, URI override, Region region) {
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
        PartitionMetadata partition = PartitionMetadata.of(region);
        String suffix = partition == null ? null : partition.dnsSuffix();
        String domain = suffix == null || suffix.isEmpty() ? DEFAULT_DNS_SUFFIX : suffix;
        return new Endpoint(service + '.' + region.id().toLowerCase(Locale.ROOT) + '.' + domain, 443L);
    }
}
