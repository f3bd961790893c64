package dev.genaiotel.mcp;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.ContentContext;
import dev.genaiotel.core.ContentRedactor;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's content redactors apply to MCP tool arguments and results on both sides, over a real client and a real
 * stateful server of the SDK on loopback.
 */
@SuppressWarnings("deprecation") // the classic schema's constructors, deprecated in SDK 2.2
class ContentRedactionTest {

    private static final String CARD = "4111-1111";

    private final Telemetry telemetry = new Telemetry();
    private final Set<ContentContext> seen = ConcurrentHashMap.newKeySet();
    private SseLoopbackMcp mcp;

    @AfterEach
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
    }

    private void start(ContentRedactor redactor) throws Exception {
        mcp = new SseLoopbackMcp(McpTelemetry.create(telemetry.genAi(ContentCapture.SPAN_ONLY, redactor)),
                telemetry.sdk.getTracer("test"));
        mcp.client.initialize();
    }

    @Test
    void redactorMasksThePatternInArgumentsAndResultsOnBothSides() throws Exception {
        start(ContentRedactor.ofText((text, context) -> {
            seen.add(context);
            return text.replaceAll("\\d{4}-\\d{4}", "[card]");
        }));

        McpSchema.CallToolResult result = mcp.client.callTool(new McpSchema.CallToolRequest("echo",
                Map.of("text", "pay with " + CARD)));

        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("echo: pay with " + CARD);
        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call echo", kind);
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.arguments")))
                    .isEqualTo("{\"text\":\"pay with [card]\"}");
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.result")))
                    .contains("\"text\":\"echo: pay with [card]\"")
                    .doesNotContain(CARD);
        }
        assertThat(seen).containsExactlyInAnyOrder(
                new ContentContext("execute_tool", "gen_ai.tool.call.arguments", null),
                new ContentContext("execute_tool", "gen_ai.tool.call.result", null));
    }

    @Test
    void resultDroppedByARedactorIsLeftOut() throws Exception {
        start(ContentRedactor.ofText((text, context) ->
                context.attribute().equals("gen_ai.tool.call.result") ? null : text));

        mcp.client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hello")));

        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData span = telemetry.span("tools/call echo", kind);
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.arguments")))
                    .isEqualTo("{\"text\":\"hello\"}");
            assertThat(span.getAttributes().get(stringKey("gen_ai.tool.call.result"))).isNull();
        }
    }
}
