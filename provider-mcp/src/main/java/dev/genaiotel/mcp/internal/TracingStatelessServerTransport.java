package dev.genaiotel.mcp.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A stateless server transport whose handler is wrapped: each request becomes an {@code mcp.server} operation from
 * the moment the handler is subscribed until its response is ready, so its duration is the handler's; each
 * notification one until its handling completes. The span is current while the handler is subscribed, which covers
 * handlers that run on the calling thread.
 */
public final class TracingStatelessServerTransport implements McpStatelessServerTransport {

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

    private final McpStatelessServerTransport delegate;
    private final McpRecorder recorder;
    private final Peer peer;

    /** Wraps {@code delegate}; {@code peer} describes the transport. */
    public TracingStatelessServerTransport(McpStatelessServerTransport delegate, McpRecorder recorder, Peer peer) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.peer = peer;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        delegate.setMcpHandler(new TracingHandler(handler));
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
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    private final class TracingHandler implements McpStatelessServerHandler {

        private final McpStatelessServerHandler delegate;

        TracingHandler(McpStatelessServerHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, JSONRPCRequest request) {
            if (!recorder.recording()) {
                return delegate.handleRequest(context, request);
            }
            return Mono.defer(() -> {
                McpOperation operation = start(request.method(), request.id(), request.params());
                if (operation == null) {
                    return delegate.handleRequest(context, request);
                }
                return subscribedIn(operation, () -> delegate.handleRequest(context, request))
                        .doOnSuccess(response -> operation.end(response, null))
                        .doOnError(operation::fail)
                        .doOnCancel(() -> operation.failWith("cancelled", "The response was cancelled"));
            });
        }

        @Override
        public Mono<Void> handleNotification(McpTransportContext context, JSONRPCNotification notification) {
            if (!recorder.recording()) {
                return delegate.handleNotification(context, notification);
            }
            return Mono.defer(() -> {
                McpOperation operation = start(notification.method(), null, notification.params());
                if (operation == null) {
                    return delegate.handleNotification(context, notification);
                }
                return subscribedIn(operation, () -> delegate.handleNotification(context, notification))
                        .doOnError(operation::fail)
                        .doFinally(signal -> operation.endSent());
            });
        }

        private McpOperation start(String method, Object id, Object params) {
            try {
                McpRequest request = new McpRequest(method, id, toMap(params));
                return recorder.startServer(request, peer, null, TracingStatelessServerTransport::toMap);
            } catch (RuntimeException | LinkageError e) {
                FailSoft.log("mcp.server.start", e);
                return null;
            }
        }
    }

    /** The handler's publisher, assembled and subscribed while the operation's span is current. */
    @SuppressWarnings("try") // the scope is held open while the handler is assembled and subscribed
    static <T> Mono<T> subscribedIn(McpOperation operation, Supplier<Mono<T>> handler) {
        return Mono.create(sink -> {
            try (Scope scope = operation.context().makeCurrent()) {
                sink.onCancel(handler.get()
                        .contextWrite(sink.contextView())
                        .subscribe(sink::success, sink::error, sink::success));
            }
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return McpJsonDefaults.getMapper().convertValue(value, MAP);
    }
}
