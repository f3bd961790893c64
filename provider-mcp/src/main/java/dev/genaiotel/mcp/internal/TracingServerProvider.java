package dev.genaiotel.mcp.internal;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A stateful server transport provider of the session-per-connection kind (the SDK's stdio and HTTP+SSE providers)
 * whose session factory is wrapped: each session the server creates is handed to the provider as a
 * {@link TracingServerSession}, which sees every message the client sends, and is given a
 * {@link TracingServerSession.Outgoing} transport, which sees every response the session sends back.
 */
public final class TracingServerProvider implements McpServerTransportProvider {

    private final McpServerTransportProvider delegate;
    private final McpRecorder recorder;
    private final Peer peer;

    /** Wraps {@code delegate}; {@code peer} describes the transport. */
    public TracingServerProvider(McpServerTransportProvider delegate, McpRecorder recorder, Peer peer) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.peer = peer;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(transport -> TracingServerSession.create(factory, transport, recorder, peer));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
