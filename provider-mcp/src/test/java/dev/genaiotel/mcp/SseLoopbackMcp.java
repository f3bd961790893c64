package dev.genaiotel.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.Tracer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A real stateful MCP server of the SDK (HTTP+SSE, a session per connection, on an embedded Tomcat on 127.0.0.1)
 * and a real sync client over {@code HttpClientSseClientTransport}, both wrapped by one {@link McpTelemetry}. The
 * tool {@code echo} returns its {@code text} argument and runs an INTERNAL span of the test's tracer; the tool
 * {@code fail} returns a tool error. The session ids the handlers saw are kept in {@link #sessionIds}.
 */
// The SSE transports and the classic schema's constructors are deprecated in SDK 2.2; this module instruments them.
@SuppressWarnings("deprecation")
final class SseLoopbackMcp implements AutoCloseable {

    private final Tomcat tomcat;
    private final McpSyncServer server;
    final McpSyncClient client;
    final URI url;
    final Set<String> sessionIds = ConcurrentHashMap.newKeySet();

    SseLoopbackMcp(McpTelemetry telemetry, Tracer handlerTracer) throws LifecycleException {
        HttpServletSseServerTransportProvider provider = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint("/mcp/message")
                .sseEndpoint("/sse")
                .build();
        server = McpServer.sync(telemetry.wrap(provider))
                .serverInfo("sse-loopback", "1.0.0")
                .immediateExecution(true)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(echo(handlerTracer), fail())
                .build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/provider-mcp-sse-tomcat-"
                + ProcessHandle.current().pid());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "mcp", provider).setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        tomcat.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        url = URI.create(base + "/sse");
        client = McpClient.sync(telemetry.wrap(HttpClientSseClientTransport.builder(base).sseEndpoint("/sse")
                        .build(), url))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private McpServerFeatures.SyncToolSpecification echo(Tracer handlerTracer) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool("echo"))
                .callHandler((exchange, request) -> {
                    sessionIds.add(exchange.sessionId());
                    handlerTracer.spanBuilder("echo.handler").startSpan().end();
                    return McpSchema.CallToolResult.builder()
                            .addTextContent("echo: " + request.arguments().get("text")).build();
                })
                .build();
    }

    private static McpServerFeatures.SyncToolSpecification fail() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool("fail"))
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("no").isError(true).build())
                .build();
    }

    private static McpSchema.Tool tool(String name) {
        return McpSchema.Tool.builder().name(name).description("Test tool " + name)
                .inputSchema(Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))))
                .build();
    }

    /** Closes the client, then the server (which closes its sessions), then Tomcat. */
    @Override
    public void close() throws LifecycleException {
        try {
            client.closeGracefully();
        } finally {
            server.closeGracefully();
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
