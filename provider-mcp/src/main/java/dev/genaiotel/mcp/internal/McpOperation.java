package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.McpAttributes.ERROR_TYPE_TOOL_ERROR;
import static dev.genaiotel.semconv.McpAttributes.JSONRPC_REQUEST_ID;
import static dev.genaiotel.semconv.McpAttributes.MCP_METHOD_NAME;
import static dev.genaiotel.semconv.McpAttributes.MCP_PROTOCOL_VERSION;
import static dev.genaiotel.semconv.McpAttributes.MCP_RESOURCE_URI;
import static dev.genaiotel.semconv.McpAttributes.METHOD_TOOLS_CALL;
import static dev.genaiotel.semconv.McpAttributes.RPC_RESPONSE_STATUS_CODE;

import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.ContentEncoder;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One MCP request or notification in flight on one side: its span and what its duration metric is recorded with.
 * Ends exactly once: the first of {@link #end}, {@link #fail} and {@link #failWith} wins.
 */
final class McpOperation {

    private final McpRecorder recorder;
    private final Span span;
    private final Context context;
    private final McpRequest request;
    private final SpanKind kind;
    private final AttributesBuilder metric;
    private final Function<Object, Map<String, Object>> toMap;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    private McpOperation(McpRecorder recorder, Span span, Context parent, McpRequest request, SpanKind kind,
            AttributesBuilder metric, Function<Object, Map<String, Object>> toMap) {
        this.recorder = recorder;
        this.span = span;
        this.context = parent.with(span);
        this.request = request;
        this.kind = kind;
        this.metric = metric;
        this.toMap = toMap;
    }

    static McpOperation start(McpRecorder recorder, SpanBuilder builder, Context parent, McpRequest request,
            Peer peer, String protocolVersion, SpanKind kind, Function<Object, Map<String, Object>> toMap) {
        AttributesBuilder metric = Attributes.builder().put(MCP_METHOD_NAME, request.method());
        String toolName = request.toolName();
        if (toolName != null) {
            metric.put(GEN_AI_TOOL_NAME, toolName).put(GEN_AI_OPERATION_NAME, OperationName.EXECUTE_TOOL);
        }
        String promptName = request.promptName();
        if (promptName != null) {
            metric.put(GEN_AI_PROMPT_NAME, promptName);
        }
        if (protocolVersion != null) {
            metric.put(MCP_PROTOCOL_VERSION, protocolVersion);
        }
        peer.putOn(metric, kind == SpanKind.CLIENT);
        builder.setAllAttributes(metric.build());
        if (request.id() != null) {
            builder.setAttribute(JSONRPC_REQUEST_ID, String.valueOf(request.id()));
        }
        String uri = request.resourceUri();
        if (uri != null) {
            builder.setAttribute(MCP_RESOURCE_URI, uri);
        }
        McpOperation operation = new McpOperation(recorder, builder.startSpan(), parent, request, kind, metric,
                toMap);
        operation.recordArguments();
        return operation;
    }

    /** The context holding this operation's span. */
    Context context() {
        return context;
    }

    /** The request this operation describes. */
    McpRequest request() {
        return request;
    }

    /** Ends with the peer's (or the handler's) response: a JSON-RPC error or a tool error fails the operation. */
    void end(McpSchema.JSONRPCResponse response, String protocolVersion) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            if (protocolVersion != null) {
                span.setAttribute(MCP_PROTOCOL_VERSION, protocolVersion);
                metric.put(MCP_PROTOCOL_VERSION, protocolVersion);
            }
            McpSchema.JSONRPCResponse.JSONRPCError error = response == null ? null : response.error();
            if (error != null) {
                String code = String.valueOf(error.code());
                span.setAttribute(RPC_RESPONSE_STATUS_CODE, code);
                metric.put(RPC_RESPONSE_STATUS_CODE, code);
                failed(code, error.message());
            } else if (METHOD_TOOLS_CALL.equals(request.method()) && response != null) {
                Map<String, Object> result = resultMap(response.result());
                if (Boolean.TRUE.equals(result.get("isError"))) {
                    failed(ERROR_TYPE_TOOL_ERROR, null);
                } else {
                    recordResult(result);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.end", e);
        }
        finish();
    }

    /** Ends as failed by an exception: {@code error.type} is its class name. */
    void fail(Throwable error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        span.recordException(error);
        failed(error.getClass().getName(), error.getMessage());
        finish();
    }

    /** Ends as failed with a type of our own, such as a session closed before the response arrived. */
    void failWith(String errorType, String description) {
        if (ended.compareAndSet(false, true)) {
            failed(errorType, description);
            finish();
        }
    }

    /** Ends a notification once it was sent, or a request whose outcome nobody can see. */
    void endSent() {
        if (ended.compareAndSet(false, true)) {
            finish();
        }
    }

    private void failed(String errorType, String description) {
        span.setAttribute(ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR, description == null ? "" : description);
        metric.put(ERROR_TYPE, errorType);
    }

    private void finish() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        span.end();
        try {
            recorder.recordDuration(kind, seconds, metric.build());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("mcp.metrics", e);
        }
    }

    private void recordArguments() {
        Object arguments = request.toolArguments();
        if (arguments != null && recorder.contentOnSpans()) {
            Object redacted = recorder.redactArguments(request, arguments);
            if (redacted != null) {
                content(GEN_AI_TOOL_CALL_ARGUMENTS, redacted);
            }
        }
    }

    private void recordResult(Map<String, Object> result) {
        if (!result.isEmpty() && recorder.contentOnSpans()) {
            Map<String, Object> shown = new LinkedHashMap<>(result);
            shown.remove("_meta");
            Object redacted = recorder.redactResult(request, shown);
            if (redacted != null) {
                content(GEN_AI_TOOL_CALL_RESULT, redacted);
            }
        }
    }

    private void content(AttributeKey<String> key, Object value) {
        String json = ContentEncoder.anyJson(value);
        if (json.length() > recorder.settings().maxContentAttributesChars()) {
            span.setAttribute(GEN_AI_CONTENT_TRUNCATED, true);
            return;
        }
        span.setAttribute(key, json);
    }

    private Map<String, Object> resultMap(Object result) {
        if (result == null) {
            return Map.of();
        }
        if (result instanceof McpSchema.CallToolResult typed && !recorder.contentOnSpans()) {
            return Boolean.TRUE.equals(typed.isError()) ? Map.of("isError", true) : Map.of();
        }
        Map<String, Object> map = toMap.apply(result);
        return map == null ? Map.of() : map;
    }
}
