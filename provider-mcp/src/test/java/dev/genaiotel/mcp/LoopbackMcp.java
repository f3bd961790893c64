package dev.genaiotel.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.Tracer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A real MCP server of the SDK (stateless, streamable HTTP on an embedded Tomcat on 127.0.0.1) and a real sync client
 * over {@code HttpClientStreamableHttpTransport}, both wrapped by one {@link McpTelemetry}. The server offers the tools
 * {@code add} (adds {@code a} and {@code b}), {@code divide} (a tool error when {@code b} is 0) and {@code explode}
 * (throws an {@link McpError} with code -32602), the resource {@code file:///notes.txt} and the prompt
 * {@code greeting}. The {@code add} tool runs an INTERNAL span of the test's tracer, to show what is current in it.
 */
// SDK 2.2 deprecates the classic schema's constructors and builders in favour of its 2026-07-28 API, which
// this module does not instrument yet; these tests drive the classic API on purpose.
@SuppressWarnings("deprecation")
final class LoopbackMcp implements AutoCloseable {

    static final String NOTES_URI = "file:///notes.txt";

    private final Tomcat tomcat;
    private final McpStatelessSyncServer server;
    final McpSyncClient client;
    final URI url;
    final McpTelemetry telemetry;

    LoopbackMcp(McpTelemetry telemetry, Tracer handlerTracer) throws LifecycleException {
        this.telemetry = telemetry;
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint("/mcp")
                .build();
        server = McpServer.sync(telemetry.wrap(transport))
                .serverInfo("loopback", "1.0.0")
                .immediateExecution(true)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                .tools(add(handlerTracer), divide(), explode())
                .resources(notes())
                .prompts(greeting())
                .build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/provider-mcp-tomcat-"
                + ProcessHandle.current().pid());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded("/mcp", "mcp");
        tomcat.start();
        url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
        client = McpClient.sync(telemetry.wrap(HttpClientStreamableHttpTransport
                        .builder("http://127.0.0.1:" + connector.getLocalPort()).endpoint("/mcp").build(), url))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification add(Tracer handlerTracer) {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(tool("add"))
                .callHandler((context, request) -> {
                    handlerTracer.spanBuilder("add.handler").startSpan().end();
                    int sum = number(request, "a") + number(request, "b");
                    return McpSchema.CallToolResult.builder().addTextContent(String.valueOf(sum)).build();
                })
                .build();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification divide() {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(tool("divide"))
                .callHandler((context, request) -> number(request, "b") == 0
                        ? McpSchema.CallToolResult.builder().addTextContent("division by zero").isError(true).build()
                        : McpSchema.CallToolResult.builder()
                                .addTextContent(String.valueOf(number(request, "a") / number(request, "b")))
                                .build())
                .build();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification explode() {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(tool("explode"))
                .callHandler((context, request) -> {
                    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("no fuse").build();
                })
                .build();
    }

    private static McpStatelessServerFeatures.SyncResourceSpecification notes() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(NOTES_URI).name("notes")
                .mimeType("text/plain").build();
        return new McpStatelessServerFeatures.SyncResourceSpecification(resource, (context, request) ->
                new McpSchema.ReadResourceResult(List.of(
                        new McpSchema.TextResourceContents(request.uri(), "text/plain", "buy milk"))));
    }

    private static McpStatelessServerFeatures.SyncPromptSpecification greeting() {
        McpSchema.Prompt prompt = new McpSchema.Prompt("greeting", "Greets someone",
                List.of(new McpSchema.PromptArgument("name", "Who to greet", true)));
        return new McpStatelessServerFeatures.SyncPromptSpecification(prompt, (context, request) ->
                new McpSchema.GetPromptResult("A greeting", List.of(new McpSchema.PromptMessage(
                        McpSchema.Role.USER, new McpSchema.TextContent("Say hello to " + request.arguments()
                                .get("name"))))));
    }

    private static McpSchema.Tool tool(String name) {
        return McpSchema.Tool.builder().name(name).description("Arithmetic: " + name)
                .inputSchema(Map.of("type", "object", "properties", Map.of(
                        "a", Map.of("type", "integer"), "b", Map.of("type", "integer"))))
                .build();
    }

    private static int number(McpSchema.CallToolRequest request, String name) {
        return ((Number) request.arguments().get(name)).intValue();
    }

    @Override
    public void close() throws LifecycleException {
        try {
            client.closeGracefully();
        } finally {
            server.close();
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
