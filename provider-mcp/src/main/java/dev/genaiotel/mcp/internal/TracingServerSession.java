package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.McpAttributes.METHOD_INITIALIZE;

import dev.genaiotel.core.InstrumentedView;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * A view of one session of a stateful server (stdio, HTTP+SSE). The SDK's transport providers hold sessions as the
 * concrete class {@link McpServerSession}, so the view is a subclass that overrides every public method and sends
 * it to the SDK's session; its own (empty) state is never used. Each request passed to {@link #handle} starts an
 * {@code mcp.server} operation with {@code mcp.session.id}, ended when its response passes through the session's
 * transport; each notification is one until its handling completes. The session's duration runs from its creation
 * until it is closed.
 */
final class TracingServerSession extends McpServerSession {

    private final McpServerSession delegate;
    private final Outgoing outgoing;
    private final McpRecorder recorder;
    private final Peer peer;
    private final long startedAt = System.nanoTime();
    private final Map<Object, McpOperation> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String protocolVersion;

    private TracingServerSession(McpServerSession delegate, Outgoing outgoing, McpRecorder recorder, Peer peer) {
        super(delegate.getId(), Duration.ZERO, outgoing.delegate, null, Map.of(), Map.of(), Mono::empty, null);
        this.delegate = delegate;
        this.outgoing = outgoing;
        this.recorder = recorder;
        this.peer = peer;
    }

    /** The factory's session over a watched transport, seen through a view; the factory's own when that fails. */
    static McpServerSession create(McpServerSession.Factory factory, McpServerTransport transport,
            McpRecorder recorder, Peer peer) {
        Outgoing outgoing;
        try {
            outgoing = new Outgoing(transport);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.server.session", e);
            return factory.create(transport);
        }
        McpServerSession session = factory.create(outgoing.view);
        try {
            TracingServerSession traced = new TracingServerSession(session, outgoing, recorder, peer);
            outgoing.session = traced;
            return traced;
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.server.session", e);
            return session;
        }
    }

    @Override
    public Mono<Void> handle(JSONRPCMessage message) {
        if (!recorder.recording()) {
            return delegate.handle(message);
        }
        return Mono.defer(() -> {
            McpOperation operation = start(message);
            if (operation == null) {
                return delegate.handle(message);
            }
            Object id = message instanceof JSONRPCRequest request ? request.id() : null;
            if (id != null) {
                pending.put(id, operation);
            }
            return TracingStatelessServerTransport.subscribedIn(operation, () -> delegate.handle(message))
                    .doOnError(operation::fail)
                    .doFinally(signal -> {
                        if (id != null) {
                            pending.remove(id, operation);
                        }
                        operation.endSent();
                    });
        });
    }

    private McpOperation start(JSONRPCMessage message) {
        try {
            McpRequest request;
            if (message instanceof JSONRPCRequest incoming && incoming.id() != null) {
                request = new McpRequest(incoming.method(), incoming.id(),
                        TracingStatelessServerTransport.toMap(incoming.params()));
            } else if (message instanceof JSONRPCNotification notification) {
                request = new McpRequest(notification.method(), null,
                        TracingStatelessServerTransport.toMap(notification.params()));
            } else {
                return null;
            }
            return recorder.startServer(request, peer, protocolVersion, delegate.getId(),
                    TracingStatelessServerTransport::toMap);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.server.start", e);
            return null;
        }
    }

    /** Called with every message the session sends: a response ends the operation of its request. */
    private void sent(JSONRPCMessage message) {
        if (!(message instanceof JSONRPCResponse response) || response.id() == null) {
            return;
        }
        McpOperation operation = pending.remove(response.id());
        if (operation == null) {
            return;
        }
        if (METHOD_INITIALIZE.equals(operation.request().method())
                && TracingStatelessServerTransport.toMap(response.result()).get("protocolVersion")
                        instanceof String version) {
            protocolVersion = version;
        }
        operation.end(response, protocolVersion);
    }

    private void ended() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            recorder.serverSessionEnded((System.nanoTime() - startedAt) / 1e9, peer, protocolVersion, null);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.server.session", e);
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully().doFinally(signal -> ended());
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            ended();
        }
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public void init(McpSchema.ClientCapabilities clientCapabilities, McpSchema.Implementation clientInfo) {
        delegate.init(clientCapabilities, clientInfo);
    }

    @Override
    public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
        delegate.setMinLoggingLevel(minLoggingLevel);
    }

    @Override
    public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
        return delegate.isNotificationForLevelAllowed(loggingLevel);
    }

    @Override
    public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
        return delegate.sendRequest(method, requestParams, typeRef);
    }

    @Override
    public Mono<Void> sendNotification(String method, Object params) {
        return delegate.sendNotification(method, params);
    }

    @Override
    public Mono<Void> sendNotification(String method) {
        return delegate.sendNotification(method);
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(delegate);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** The transport handed to the SDK's session: passes everything on and shows the session what it sends. */
    static final class Outgoing implements McpServerTransport {

        private final McpServerTransport delegate;
        private final McpServerTransport view;
        private volatile TracingServerSession session;

        Outgoing(McpServerTransport delegate) {
            this.delegate = delegate;
            this.view = InstrumentedView.of(McpServerTransport.class, delegate, this);
        }

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            TracingServerSession traced = session;
            if (traced != null) {
                try {
                    traced.sent(message);
                } catch (RuntimeException | LinkageError e) {
                    FailSoft.log("mcp.server.response", e);
                }
            }
            return delegate.sendMessage(message);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return delegate.closeGracefully();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return delegate.unmarshalFrom(data, typeRef);
        }

        @Override
        public List<String> protocolVersions() {
            return delegate.protocolVersions();
        }
    }
}
