package dev.genaiotel.mcp;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real MCP client and server of the SDK over streamable HTTP on loopback: what each side records for each method,
 * and that the two sides make one trace.
 */
// SDK 2.2 deprecates the classic schema's constructors and builders in favour of its 2026-07-28 API, which
// this module does not instrument yet; these tests drive the classic API on purpose.
@SuppressWarnings("deprecation")
class StreamableHttpTest {

    private final Telemetry telemetry = new Telemetry();
    private LoopbackMcp mcp;

    private LoopbackMcp start(ContentCapture capture) throws Exception {
        mcp = new LoopbackMcp(telemetry.mcp(capture), telemetry.sdk.getTracer("test"));
        mcp.client.initialize();
        return mcp;
    }

    @AfterEach
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
    }

    @Test
    void toolCallIsOneTraceFromClientThroughServerIntoTheHandler() throws Exception {
        start(ContentCapture.NO_CONTENT);

        McpSchema.CallToolResult result = mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2,
                "b", 3)));

        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("5");
        SpanData client = telemetry.span("tools/call add", SpanKind.CLIENT);
        SpanData server = telemetry.span("tools/call add", SpanKind.SERVER);
        SpanData handler = telemetry.span("add.handler", SpanKind.INTERNAL);
        assertThat(server.getTraceId()).isEqualTo(client.getTraceId());
        assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
        assertThat(handler.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
    }

    @Test
    void asyncClientOverTheSameTransportMakesTheSameTrace() throws Exception {
        start(ContentCapture.NO_CONTENT);
        McpAsyncClient async = McpClient.async(mcp.telemetry.wrap(HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + mcp.url.getPort()).endpoint("/mcp").build(), mcp.url)).build();
        try {
            async.initialize().block(Duration.ofSeconds(10));

            async.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 4, "b", 5))).block(Duration.ofSeconds(10));
        } finally {
            async.closeGracefully().block(Duration.ofSeconds(10));
        }

        List<SpanData> clients = telemetry.spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("tools/call add") && span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(clients).singleElement();
        assertThat(telemetry.span("tools/call add", SpanKind.SERVER).getParentSpanId())
                .isEqualTo(clients.get(0).getSpanId());
    }

    @Test
    void clientToolCallIsAnExecuteToolOperationWithTheConventionsAttributes() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));

        SpanData client = telemetry.span("tools/call add", SpanKind.CLIENT);
        String id = client.getAttributes().get(stringKey("jsonrpc.request.id"));
        assertThat(id).isNotBlank();
        assertThat(client.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("mcp.method.name", "tools/call")
                .put("gen_ai.tool.name", "add")
                .put("gen_ai.operation.name", "execute_tool")
                .put("mcp.protocol.version", mcp.client.getCurrentInitializationResult().protocolVersion())
                .put("network.transport", "tcp")
                .put("network.protocol.name", "http")
                .put("server.address", "127.0.0.1")
                .put("server.port", (long) mcp.url.getPort())
                .put("jsonrpc.request.id", id)
                .build().asMap());
        assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void serverToolCallCarriesTheRequestIdItAnswered() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));

        SpanData client = telemetry.span("tools/call add", SpanKind.CLIENT);
        SpanData server = telemetry.span("tools/call add", SpanKind.SERVER);
        assertThat(server.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("mcp.method.name", "tools/call")
                .put("gen_ai.tool.name", "add")
                .put("gen_ai.operation.name", "execute_tool")
                .put("network.transport", "tcp")
                .put("network.protocol.name", "http")
                .put("jsonrpc.request.id", client.getAttributes().get(stringKey("jsonrpc.request.id")))
                .build().asMap());
    }

    @Test
    void toolResultFlaggedAsErrorFailsBothSidesAsToolError() throws Exception {
        start(ContentCapture.NO_CONTENT);

        McpSchema.CallToolResult result = mcp.client.callTool(new McpSchema.CallToolRequest("divide",
                Map.of("a", 1, "b", 0)));

        assertThat(result.isError()).isTrue();
        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call divide", kind);
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
            assertThat(span.getAttributes().get(stringKey("rpc.response.status_code"))).isNull();
        }
    }

    @Test
    void jsonRpcErrorFailsBothSidesWithItsCode() throws Exception {
        start(ContentCapture.NO_CONTENT);

        assertThatThrownBy(() -> mcp.client.callTool(new McpSchema.CallToolRequest("no-such-tool", Map.of())))
                .isInstanceOf(McpError.class);

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call no-such-tool", kind);
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getStatus().getDescription()).startsWith("Unknown tool");
            assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("-32602");
            assertThat(span.getAttributes().get(stringKey("rpc.response.status_code"))).isEqualTo("-32602");
        }
    }

    @Test
    void handlerThrowingAnMcpErrorIsRecordedWithThatErrorsCode() throws Exception {
        start(ContentCapture.NO_CONTENT);

        assertThatThrownBy(() -> mcp.client.callTool(new McpSchema.CallToolRequest("explode", Map.of())))
                .isInstanceOfSatisfying(McpError.class, error ->
                        assertThat(error.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call explode", kind);
            assertThat(span.getStatus().getDescription()).isEqualTo("no fuse");
            assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("-32602");
        }
    }

    @Test
    void resourceReadNamesTheUriButKeepsItOutOfTheSpanName() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.readResource(new McpSchema.ReadResourceRequest(LoopbackMcp.NOTES_URI));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("resources/read", kind);
            assertThat(span.getAttributes().get(stringKey("mcp.resource.uri"))).isEqualTo(LoopbackMcp.NOTES_URI);
            assertThat(span.getAttributes().get(stringKey("gen_ai.operation.name"))).isNull();
        }
    }

    @Test
    void resourceUriBecomesTheTargetWhenAskedFor() throws Exception {
        mcp = new LoopbackMcp(McpTelemetry.builder(telemetry.genAi(ContentCapture.NO_CONTENT))
                .setResourceUriInSpanName(true).build(), telemetry.sdk.getTracer("test"));
        mcp.client.initialize();

        mcp.client.readResource(new McpSchema.ReadResourceRequest(LoopbackMcp.NOTES_URI));

        assertThat(telemetry.span("resources/read file:///notes.txt", SpanKind.CLIENT)).isNotNull();
        assertThat(telemetry.span("resources/read file:///notes.txt", SpanKind.SERVER)).isNotNull();
    }

    @Test
    void promptGetIsNamedForThePrompt() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.getPrompt(new McpSchema.GetPromptRequest("greeting", Map.of("name", "Ada")));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("prompts/get greeting", kind);
            assertThat(span.getAttributes().get(stringKey("gen_ai.prompt.name"))).isEqualTo("greeting");
            assertThat(span.getAttributes().get(stringKey("gen_ai.operation.name"))).isNull();
        }
    }

    @Test
    void toolsListAndInitializeAreSpansWithoutTarget() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.listTools();

        SpanData list = telemetry.span("tools/list", SpanKind.CLIENT);
        assertThat(telemetry.span("tools/list", SpanKind.SERVER).getParentSpanId()).isEqualTo(list.getSpanId());
        SpanData initialize = telemetry.span("initialize", SpanKind.CLIENT);
        assertThat(initialize.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo(mcp.client.getCurrentInitializationResult().protocolVersion());
        assertThat(telemetry.span("initialize", SpanKind.SERVER).getParentSpanId()).isEqualTo(initialize.getSpanId());
    }

    @Test
    void contentCaptureRecordsArgumentsAndResultOnBothSides() throws Exception {
        start(ContentCapture.SPAN_ONLY);

        mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call add", kind);
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.arguments")))
                    .isIn("{\"a\":2,\"b\":3}", "{\"b\":3,\"a\":2}");
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.result")))
                    .contains("\"text\":\"5\"");
        }
    }

    @Test
    void contentIsLeftOutByDefault() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call add", kind);
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.arguments"))).isNull();
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.result"))).isNull();
        }
    }

    @Test
    void callersMetaIsNotChangedByTheInjectedTraceContext() throws Exception {
        start(ContentCapture.NO_CONTENT);
        Map<String, Object> meta = new HashMap<>(Map.of("app.example/tag", "x"));

        mcp.client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 1, "b", 1), meta));

        assertThat(meta).containsExactly(Map.entry("app.example/tag", "x"));
        assertThat(telemetry.span("tools/call add", SpanKind.SERVER).getParentSpanId())
                .isEqualTo(telemetry.span("tools/call add", SpanKind.CLIENT).getSpanId());
    }

    @Test
    void operationDurationsAreRecordedPerSideWithTheMetricAttributes() throws Exception {
        start(ContentCapture.NO_CONTENT);

        mcp.client.callTool(new McpSchema.CallToolRequest("divide", Map.of("a", 1, "b", 0)));

        HistogramPointData client = point("mcp.client.operation.duration", "tools/call");
        assertThat(client.getCount()).isEqualTo(1);
        assertThat(client.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("mcp.method.name", "tools/call")
                .put("gen_ai.tool.name", "divide")
                .put("gen_ai.operation.name", "execute_tool")
                .put("mcp.protocol.version", mcp.client.getCurrentInitializationResult().protocolVersion())
                .put("network.transport", "tcp")
                .put("network.protocol.name", "http")
                .put("server.address", "127.0.0.1")
                .put("server.port", (long) mcp.url.getPort())
                .put("error.type", "tool_error")
                .build().asMap());
        HistogramPointData server = point("mcp.server.operation.duration", "tools/call");
        assertThat(server.getCount()).isEqualTo(1);
        assertThat(server.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
        assertThat(server.getAttributes().get(longKey("server.port"))).isNull();
        assertThat(server.getSum()).isLessThanOrEqualTo(client.getSum());
    }

    @Test
    void closingTheClientRecordsTheSessionDuration() throws Exception {
        start(ContentCapture.NO_CONTENT);
        mcp.client.listTools();

        mcp.close();
        mcp = null;

        List<HistogramPointData> sessions = telemetry.histogram("mcp.client.session.duration");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).getCount()).isEqualTo(1);
        assertThat(sessions.get(0).getAttributes().get(stringKey("network.transport"))).isEqualTo("tcp");
        assertThat(sessions.get(0).getAttributes().get(stringKey("error.type"))).isNull();
    }

    @Test
    void switchedOffTelemetryRecordsNothingAndChangesNothing() throws Exception {
        var genAi = telemetry.genAi(ContentCapture.SPAN_ONLY);
        genAi.setEnabled(false);
        mcp = new LoopbackMcp(McpTelemetry.create(genAi), telemetry.sdk.getTracer("test"));
        mcp.client.initialize();

        McpSchema.CallToolResult result = mcp.client.callTool(new McpSchema.CallToolRequest("add",
                Map.of("a", 2, "b", 3)));

        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("5");
        assertThat(telemetry.spans.getFinishedSpanItems()).extracting(SpanData::getName)
                .containsExactly("add.handler");
    }

    private HistogramPointData point(String metric, String method) {
        List<HistogramPointData> points = telemetry.histogram(metric).stream()
                .filter(p -> method.equals(p.getAttributes().get(stringKey("mcp.method.name"))))
                .toList();
        assertThat(points).hasSize(1);
        return points.get(0);
    }
}
