package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static dev.genaiotel.semconv.McpAttributes.NETWORK_PROTOCOL_HTTP;
import static dev.genaiotel.semconv.McpAttributes.NETWORK_PROTOCOL_NAME;
import static dev.genaiotel.semconv.McpAttributes.NETWORK_TRANSPORT;
import static dev.genaiotel.semconv.McpAttributes.NETWORK_TRANSPORT_PIPE;
import static dev.genaiotel.semconv.McpAttributes.NETWORK_TRANSPORT_TCP;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.opentelemetry.api.common.AttributesBuilder;
import java.net.URI;

/**
 * What is known of the other side of a transport: {@code network.transport}, {@code network.protocol.name} and, on
 * the client, {@code server.address} and {@code server.port}. Every field may be null.
 *
 * @param transport {@code network.transport}
 * @param protocolName {@code network.protocol.name}
 * @param serverAddress {@code server.address}
 * @param serverPort {@code server.port}
 */
public record Peer(String transport, String protocolName, String serverAddress, Long serverPort) {

    /** Recognises the SDK's client transports; {@code serverUrl} may be null. */
    public static Peer ofClientTransport(Object transport, URI serverUrl) {
        String network = null;
        String protocol = null;
        // The SSE transport is deprecated in the SDK: recognised by name, so that no deprecated type is referenced.
        if (transport instanceof HttpClientStreamableHttpTransport
                || transport.getClass().getName().endsWith(".HttpClientSseClientTransport")) {
            network = NETWORK_TRANSPORT_TCP;
            protocol = NETWORK_PROTOCOL_HTTP;
        } else if (transport instanceof StdioClientTransport) {
            network = NETWORK_TRANSPORT_PIPE;
        }
        if (serverUrl == null || serverUrl.getHost() == null) {
            return new Peer(network, protocol, null, null);
        }
        int port = serverUrl.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(serverUrl.getScheme()) ? 443 : 80;
        }
        return new Peer(network != null ? network : NETWORK_TRANSPORT_TCP, protocol != null ? protocol
                : NETWORK_PROTOCOL_HTTP, serverUrl.getHost(), (long) port);
    }

    /**
     * Recognises the SDK's server transports by class name: the servlet transports must not be loaded where the
     * servlet API is absent.
     */
    public static Peer ofServerTransport(Object transport) {
        String name = transport.getClass().getName();
        if (name.startsWith("io.modelcontextprotocol.server.transport.HttpServlet")) {
            return new Peer(NETWORK_TRANSPORT_TCP, NETWORK_PROTOCOL_HTTP, null, null);
        }
        if (name.startsWith("io.modelcontextprotocol.server.transport.Stdio")) {
            return new Peer(NETWORK_TRANSPORT_PIPE, null, null, null);
        }
        return new Peer(null, null, null, null);
    }

    /** Writes the known fields; {@code server.*} only where the peer is the server. */
    void putOn(AttributesBuilder attributes, boolean peerIsServer) {
        if (transport != null) {
            attributes.put(NETWORK_TRANSPORT, transport);
        }
        if (protocolName != null) {
            attributes.put(NETWORK_PROTOCOL_NAME, protocolName);
        }
        if (peerIsServer && serverAddress != null) {
            attributes.put(SERVER_ADDRESS, serverAddress);
            if (serverPort != null) {
                attributes.put(SERVER_PORT, serverPort);
            }
        }
    }
}
