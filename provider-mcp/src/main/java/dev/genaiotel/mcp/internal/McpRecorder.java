package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.McpAttributes.MCP_PROTOCOL_VERSION;
import static dev.genaiotel.semconv.McpAttributes.MCP_SESSION_ID;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.GenAiSchema;
import dev.genaiotel.semconv.McpMetrics;
import dev.genaiotel.semconv.MetricDefinition;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts the MCP operations of every wrapped transport and owns what they share: the tracer, the four duration
 * histograms, the propagator and the content settings. Built once per {@code McpTelemetry}.
 */
public final class McpRecorder {

    private final GenAiTelemetry telemetry;
    private final boolean resourceUriInSpanName;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram clientOperations;
    private final DoubleHistogram serverOperations;
    private final DoubleHistogram clientSessions;
    private final DoubleHistogram serverSessions;

    /** A recorder over {@code telemetry}'s OpenTelemetry instance and settings. */
    public McpRecorder(GenAiTelemetry telemetry, boolean resourceUriInSpanName) {
        this.telemetry = telemetry;
        this.resourceUriInSpanName = resourceUriInSpanName;
        OpenTelemetry openTelemetry = telemetry.openTelemetry();
        this.tracer = openTelemetry.getTracerProvider().get(GenAiSchema.INSTRUMENTATION_SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Meter meter = openTelemetry.getMeterProvider().get(GenAiSchema.INSTRUMENTATION_SCOPE);
        this.clientOperations = histogram(meter, McpMetrics.MCP_CLIENT_OPERATION_DURATION);
        this.serverOperations = histogram(meter, McpMetrics.MCP_SERVER_OPERATION_DURATION);
        this.clientSessions = histogram(meter, McpMetrics.MCP_CLIENT_SESSION_DURATION);
        this.serverSessions = histogram(meter, McpMetrics.MCP_SERVER_SESSION_DURATION);
    }

    /** True when anything is recorded (the GenAI umbrella switch is on and OpenTelemetry is not a no-op). */
    boolean recording() {
        return telemetry.isRecording();
    }

    /**
     * Starts the {@code mcp.client} operation of a request or notification this side sends, in the current context.
     *
     * @param toMap how the transport turns typed params into a map, for content
     */
    McpOperation startClient(McpRequest request, Peer peer, String protocolVersion,
            Function<Object, Map<String, Object>> toMap) {
        return start(request, peer, protocolVersion, null, SpanKind.CLIENT, Context.current(), null, toMap);
    }

    /**
     * Starts the {@code mcp.server} operation of a request or notification this side received, parented to the
     * context in its {@code params._meta}; the ambient span, when there is one, becomes a link.
     */
    McpOperation startServer(McpRequest request, Peer peer, String protocolVersion,
            Function<Object, Map<String, Object>> toMap) {
        return startServer(request, peer, protocolVersion, null, toMap);
    }

    /**
     * Like {@link #startServer(McpRequest, Peer, String, Function)}, for a stateful server that knows the session:
     * {@code sessionId} becomes {@code mcp.session.id} on the span (not on the metric).
     */
    McpOperation startServer(McpRequest request, Peer peer, String protocolVersion, String sessionId,
            Function<Object, Map<String, Object>> toMap) {
        Context ambient = Context.current();
        Context parent = TraceMeta.extract(request.meta(), propagator);
        SpanContext link = null;
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            parent = ambient;
        } else if (Span.fromContext(ambient).getSpanContext().isValid()) {
            link = Span.fromContext(ambient).getSpanContext();
        }
        return start(request, peer, protocolVersion, sessionId, SpanKind.SERVER, parent, link, toMap);
    }

    /** Injects {@code context} into a copy of {@code params}. */
    Map<String, Object> inject(Map<String, Object> params, Context context) {
        return TraceMeta.withContext(params, context, propagator);
    }

    /** Records {@code mcp.client.session.duration}; {@code errorType} is null for a session that ended well. */
    void clientSessionEnded(double seconds, Peer peer, String protocolVersion, String errorType) {
        AttributesBuilder attributes = Attributes.builder();
        peer.putOn(attributes, true);
        if (protocolVersion != null) {
            attributes.put(MCP_PROTOCOL_VERSION, protocolVersion);
        }
        if (errorType != null) {
            attributes.put(ERROR_TYPE, errorType);
        }
        clientSessions.record(seconds, attributes.build());
    }

    /**
     * Records {@code mcp.server.session.duration}; {@code errorType} is null for a session that ended well.
     */
    void serverSessionEnded(double seconds, Peer peer, String protocolVersion, String errorType) {
        AttributesBuilder attributes = Attributes.builder();
        peer.putOn(attributes, false);
        if (protocolVersion != null) {
            attributes.put(MCP_PROTOCOL_VERSION, protocolVersion);
        }
        if (errorType != null) {
            attributes.put(ERROR_TYPE, errorType);
        }
        serverSessions.record(seconds, attributes.build());
    }

    /** True when tool arguments and results go on spans. */
    boolean contentOnSpans() {
        ContentCapture capture = telemetry.settings().contentCapture();
        return capture == ContentCapture.SPAN_ONLY || capture == ContentCapture.SPAN_AND_EVENT;
    }

    /**
     * The arguments of a tool call as the core's content redactors leave them (as for an {@code execute_tool}
     * operation); null when a redactor dropped them.
     */
    Object redactArguments(McpRequest request, Object arguments) {
        return telemetry.redactToolCallArguments(toolCall(request, arguments));
    }

    /** The result of a tool call as the core's content redactors leave it; null when a redactor dropped it. */
    Object redactResult(McpRequest request, Object result) {
        return telemetry.redactToolCallResult(toolCall(request, request.toolArguments()), result);
    }

    private static ToolCall toolCall(McpRequest request, Object arguments) {
        String name = request.toolName();
        return ToolCall.function(name == null ? request.method() : name, null, arguments);
    }

    /** The settings whose content budget applies. */
    GenAiSettings settings() {
        return telemetry.settings();
    }

    void recordDuration(SpanKind kind, double seconds, Attributes attributes) {
        (kind == SpanKind.CLIENT ? clientOperations : serverOperations).record(seconds, attributes);
    }

    private McpOperation start(McpRequest request, Peer peer, String protocolVersion, String sessionId,
            SpanKind kind, Context parent, SpanContext link, Function<Object, Map<String, Object>> toMap) {
        SpanBuilder builder = tracer.spanBuilder(request.spanName(resourceUriInSpanName))
                .setSpanKind(kind)
                .setParent(parent);
        if (link != null) {
            builder.addLink(link);
        }
        if (sessionId != null) {
            builder.setAttribute(MCP_SESSION_ID, sessionId);
        }
        return McpOperation.start(this, builder, parent, request, peer, protocolVersion, kind, toMap);
    }

    private static DoubleHistogram histogram(Meter meter, MetricDefinition definition) {
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .setExplicitBucketBoundariesAdvice(definition.bucketBoundaries())
                .build();
    }
}
