package dev.genaiotel.mcp;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real stateful MCP server of the SDK (HTTP+SSE, one session per connection) and a real sync client on loopback:
 * server spans per request with the session's id, one trace across the wire, and the server session's duration.
 */
@SuppressWarnings("deprecation") // the classic schema's constructors, deprecated in SDK 2.2
class StatefulServerTest {

    private final Telemetry telemetry = new Telemetry();
    private SseLoopbackMcp mcp;

    private void start(ContentCapture capture) throws Exception {
        mcp = new SseLoopbackMcp(telemetry.mcp(capture), telemetry.sdk.getTracer("test"));
        mcp.client.initialize();
    }

    @AfterEach
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
    }

    @Test
    void toolCallIsOneTraceFromClientThroughTheSessionIntoTheHandler() throws Exception {
        start(ContentCapture.NO_CONTENT);

        McpSchema.CallToolResult result = mcp.client.callTool(new McpSchema.CallToolRequest("echo",
                Map.of("text", "hi")));

        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("echo: hi");
        SpanData client = telemetry.span("tools/call echo", SpanKind.CLIENT);
        SpanData server = telemetry.span("tools/call echo", SpanKind.SERVER);
        SpanData handler = telemetry.span("echo.handler", SpanKind.INTERNAL);
        assertThat(server.getTraceId()).isEqualTo(client.getTraceId());
        assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
        assertThat(handler.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(mcp.sessionIds).singleElement();
        String protocol = mcp.client.getCurrentInitializationResult().protocolVersion();
        assertThat(server.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("mcp.method.name", "tools/call")
                .put("gen_ai.tool.name", "echo")
                .put("gen_ai.operation.name", "execute_tool")
                .put("mcp.protocol.version", protocol)
                .put("mcp.session.id", mcp.sessionIds.iterator().next())
                .put("network.transport", "tcp")
                .put("network.protocol.name", "http")
                .put("jsonrpc.request.id", client.getAttributes().get(stringKey("jsonrpc.request.id")))
                .build().asMap());
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void initializeAndNotificationsAreServerSpansOfTheSession() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.listTools();

        SpanData initialize = telemetry.span("initialize", SpanKind.SERVER);
        assertThat(initialize.getParentSpanId())
                .isEqualTo(telemetry.span("initialize", SpanKind.CLIENT).getSpanId());
        assertThat(initialize.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo(mcp.client.getCurrentInitializationResult().protocolVersion());
        SpanData initialized = telemetry.span("notifications/initialized", SpanKind.SERVER);
        assertThat(initialized.getAttributes().get(stringKey("jsonrpc.request.id"))).isNull();
        SpanData list = telemetry.span("tools/list", SpanKind.SERVER);
        assertThat(list.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo(mcp.client.getCurrentInitializationResult().protocolVersion());
        assertThat(List.of(initialize, initialized, list)).extracting(span -> span.getAttributes()
                .get(stringKey("mcp.session.id"))).containsOnly(
                        initialize.getAttributes().get(stringKey("mcp.session.id"))).doesNotContainNull();
    }

    @Test
    void toolErrorFailsTheServerSpanAndItsMetric() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.callTool(new McpSchema.CallToolRequest("fail", Map.of()));

        SpanData server = telemetry.span("tools/call fail", SpanKind.SERVER);
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(server.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
        List<HistogramPointData> points = telemetry.histogram("mcp.server.operation.duration").stream()
                .filter(p -> "tools/call".equals(p.getAttributes().get(stringKey("mcp.method.name"))))
                .toList();
        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.getCount()).isEqualTo(1);
            assertThat(point.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
            assertThat(point.getAttributes().get(stringKey("mcp.session.id"))).isNull();
        });
    }

    @Test
    void jsonRpcErrorResponseFailsTheServerSpanWithItsCode() throws Exception {
        start(ContentCapture.NO_CONTENT);

        assertThatThrownBy(() -> mcp.client.callTool(new McpSchema.CallToolRequest("no-such-tool", Map.of())))
                .isInstanceOf(McpError.class);

        SpanData server = telemetry.span("tools/call no-such-tool", SpanKind.SERVER);
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(server.getAttributes().get(stringKey("error.type"))).isEqualTo("-32602");
        assertThat(server.getAttributes().get(stringKey("rpc.response.status_code"))).isEqualTo("-32602");
        assertThat(server.getParentSpanId())
                .isEqualTo(telemetry.span("tools/call no-such-tool", SpanKind.CLIENT).getSpanId());
    }

    @Test
    void closingTheServerRecordsTheSessionDuration() throws Exception {
        start(ContentCapture.NO_CONTENT);
        mcp.client.listTools();

        mcp.close();
        mcp = null;

        List<HistogramPointData> sessions = telemetry.histogram("mcp.server.session.duration");
        assertThat(sessions).singleElement().satisfies(point -> {
            assertThat(point.getCount()).isEqualTo(1);
            assertThat(point.getAttributes().asMap()).isEqualTo(Attributes.builder()
                    .put("network.transport", "tcp")
                    .put("network.protocol.name", "http")
                    .put("mcp.protocol.version", point.getAttributes().get(stringKey("mcp.protocol.version")))
                    .build().asMap());
            assertThat(point.getAttributes().get(stringKey("mcp.protocol.version"))).isNotBlank();
        });
    }

    @Test
    void everyPublicMethodOfTheSdkSessionIsOverriddenByTheView() throws Exception {
        Class<?> view = Class.forName("dev.genaiotel.mcp.internal.TracingServerSession");
        for (var method : io.modelcontextprotocol.spec.McpServerSession.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            assertThat(view.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                    .as("%s overridden", method).isNotNull();
        }
    }
}
