package dev.genaiotel.bedrock.internal.agent;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeServiceClientConfiguration;

/**
 * {@code server.address} and {@code server.port} of an agent-runtime client, read once from its configuration: the
 * endpoint override when there is one, otherwise the regional endpoint {@code bedrock-agent-runtime.<region>.<domain>}
 * on port 443.
 *
 * @param address the host, or null when unknown
 * @param port the port, or null when unknown
 */
record AgentEndpoint(String address, Long port) {

    static final AgentEndpoint UNKNOWN = new AgentEndpoint(null, null);

    private static final String SERVICE_HOST_PREFIX = "bedrock-agent-runtime.";
    private static final String DEFAULT_DOMAIN = "amazonaws.com";

    /** The endpoint of {@code client}; unknown when its configuration cannot be read. */
    static AgentEndpoint of(BedrockAgentRuntimeAsyncClient client) {
        try {
            BedrockAgentRuntimeServiceClientConfiguration configuration = client.serviceClientConfiguration();
            if (configuration == null) {
                return UNKNOWN;
            }
            Optional<URI> override = configuration.endpointOverride();
            if (override.isPresent()) {
                return of(override.get());
            }
            Region region = configuration.region();
            if (region == null) {
                return UNKNOWN;
            }
            PartitionMetadata partition = PartitionMetadata.of(region);
            String suffix = partition == null ? null : partition.dnsSuffix();
            String domain = suffix == null || suffix.isEmpty() ? DEFAULT_DOMAIN : suffix;
            return new AgentEndpoint(SERVICE_HOST_PREFIX + region.id() + '.' + domain, 443L);
        } catch (RuntimeException e) {
            AgentFailSoft.log("agent client endpoint", e);
            return UNKNOWN;
        }
    }

    private static AgentEndpoint of(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return UNKNOWN;
        }
        long port = uri.getPort();
        if (port < 0) {
            port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        }
        return new AgentEndpoint(host, port);
    }
}
