package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.McpAttributes.METHOD_INITIALIZE;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport that sees every message the client sends and receives: a request it sends starts an
 * {@code mcp.client} operation, ended by the response with the same id; a request the server sends starts an
 * {@code mcp.server} operation, ended by the response the client sends back. Outgoing requests and notifications
 * carry the trace context in a copy of their params. The session's duration runs from connect to close.
 */
public final class TracingClientTransport implements McpClientTransport {

    /** The {@code error.type} of requests still unanswered when the session closed. */
    static final String SESSION_CLOSED = "session_closed";

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

    private final McpClientTransport delegate;
    private final McpRecorder recorder;
    private final Peer peer;
    private final Map<Object, McpOperation> sent = new ConcurrentHashMap<>();
    private final Map<Object, McpOperation> received = new ConcurrentHashMap<>();
    private final AtomicBoolean sessionEnded = new AtomicBoolean();
    private volatile String protocolVersion;
    private volatile long connectedAt;

    /** Wraps {@code delegate}; {@code peer} describes the server side. */
    public TracingClientTransport(McpClientTransport delegate, McpRecorder recorder, Peer peer) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.peer = peer;
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        if (!recorder.recording()) {
            return delegate.connect(handler);
        }
        return delegate.connect(incoming -> handler.apply(incoming.doOnNext(this::receivedSafely)))
                .doOnSubscribe(subscription -> connectedAt = System.nanoTime());
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        if (!recorder.recording()) {
            return delegate.sendMessage(message);
        }
        try {
            if (message instanceof JSONRPCRequest request) {
                return sendRequest(request);
            }
            if (message instanceof JSONRPCNotification notification) {
                return sendNotification(notification);
            }
            if (message instanceof JSONRPCResponse response && response.id() != null) {
                McpOperation operation = received.remove(response.id());
                if (operation != null) {
                    operation.end(response, protocolVersion);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.client.send", e);
        }
        return delegate.sendMessage(message);
    }

    private Mono<Void> sendRequest(JSONRPCRequest request) {
        McpRequest described = new McpRequest(request.method(), request.id(), toMap(request.params()));
        McpOperation operation = recorder.startClient(described, peer, protocolVersion, this::toMap);
        JSONRPCRequest traced;
        try {
            traced = new JSONRPCRequest(request.jsonrpc(), request.method(), request.id(),
                    recorder.inject(described.params(), operation.context()));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.client.inject", e);
            traced = request;
        }
        if (request.id() != null) {
            sent.put(request.id(), operation);
        }
        return delegate.sendMessage(traced).doOnError(error -> {
            if (request.id() == null || sent.remove(request.id(), operation)) {
                operation.fail(error);
            }
        });
    }

    private Mono<Void> sendNotification(JSONRPCNotification notification) {
        McpRequest described = new McpRequest(notification.method(), null, toMap(notification.params()));
        McpOperation operation = recorder.startClient(described, peer, protocolVersion, this::toMap);
        JSONRPCNotification traced;
        try {
            traced = new JSONRPCNotification(notification.jsonrpc(), notification.method(),
                    recorder.inject(described.params(), operation.context()));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.client.inject", e);
            traced = notification;
        }
        return delegate.sendMessage(traced)
                .doOnError(operation::fail)
                .doFinally(signal -> operation.endSent());
    }

    private void receivedSafely(JSONRPCMessage message) {
        try {
            received(message);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.client.receive", e);
        }
    }

    private void received(JSONRPCMessage message) {
        if (message instanceof JSONRPCResponse response && response.id() != null) {
            McpOperation operation = sent.remove(response.id());
            if (operation == null) {
                return;
            }
            if (METHOD_INITIALIZE.equals(operation.request().method())
                    && response.result() instanceof Map<?, ?> result
                    && result.get("protocolVersion") instanceof String version) {
                protocolVersion = version;
            }
            operation.end(response, protocolVersion);
        } else if (message instanceof JSONRPCRequest request && request.id() != null) {
            McpRequest described = new McpRequest(request.method(), request.id(), toMap(request.params()));
            received.put(request.id(), recorder.startServer(described, peer, protocolVersion, this::toMap));
        }
    }

    private Map<String, Object> toMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> map = delegate.unmarshalFrom(value, MAP);
        return map == null ? Map.of() : map;
    }

    private void sessionEnded() {
        long started = connectedAt;
        if (started == 0 || !sessionEnded.compareAndSet(false, true)) {
            return;
        }
        try {
            sent.values().forEach(operation -> operation.failWith(SESSION_CLOSED, "The session closed first"));
            sent.clear();
            received.values().forEach(operation -> operation.failWith(SESSION_CLOSED, "The session closed first"));
            received.clear();
            recorder.clientSessionEnded((System.nanoTime() - started) / 1e9, peer, protocolVersion, null);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.client.session", e);
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully().doFinally(signal -> sessionEnded());
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            sessionEnded();
        }
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
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
