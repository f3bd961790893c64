package dev.genaiotel.mcp;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.mcp.internal.McpRecorder;
import dev.genaiotel.mcp.internal.Peer;
import dev.genaiotel.mcp.internal.TracingClientTransport;
import dev.genaiotel.mcp.internal.TracingStatelessServerTransport;
import dev.genaiotel.mcp.internal.TracingServerProvider;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.Objects;

/**
 * Records the Model Context Protocol traffic of the MCP Java SDK as the conventions' {@code mcp.client} and
 * {@code mcp.server} spans and {@code mcp.client.operation.duration}, {@code mcp.server.operation.duration},
 * {@code mcp.client.session.duration} and (stateful servers) {@code mcp.server.session.duration}. It attaches to
 * transports, where every JSON-RPC message passes, so sync and async clients and servers are covered alike:
 *
 * <pre>{@code
 * McpTelemetry telemetry = McpTelemetry.create(openTelemetry);
 * McpSyncClient client = McpClient.sync(telemetry.wrap(HttpClientStreamableHttpTransport.builder(url).build()))
 *         .build();
 * McpSyncServer server = McpServer.sync(telemetry.wrap(statelessTransport)).tools(...).build();
 * }</pre>
 *
 * <p>A {@code tools/call} is also an {@code execute_tool} operation ({@code gen_ai.operation.name},
 * {@code gen_ai.tool.name}); its arguments and result are recorded only when content capture puts content on spans
 * ({@code otel.instrumentation.genai.capture-message-content}), after the {@link GenAiTelemetry}'s content
 * redactors. The client injects the trace context into a copy of each request's {@code params._meta} with the
 * configured propagators; the server extracts it and parents its span to it. JSON-RPC errors fail the span with
 * {@code error.type} and {@code rpc.response.status_code} set to the error code; a tool result with
 * {@code isError: true} fails it with {@code error.type=tool_error}. What the application sends and receives is
 * never changed.
 *
 * <p>Immutable and thread-safe; one instance serves any number of transports.
 */
public final class McpTelemetry {

    private final McpRecorder recorder;

    McpTelemetry(McpRecorder recorder) {
        this.recorder = recorder;
    }

    /** Telemetry with the GenAI settings of this process (system properties, environment). */
    public static McpTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** Telemetry sharing the settings (content capture, umbrella switch) of an existing {@link GenAiTelemetry}. */
    public static McpTelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /** A builder over a new {@link GenAiTelemetry} with the settings of this process. */
    public static McpTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new McpTelemetryBuilder(GenAiTelemetry.create(Objects.requireNonNull(openTelemetry, "openTelemetry")));
    }

    /** A builder over an existing {@link GenAiTelemetry}. */
    public static McpTelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new McpTelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * A client transport that records an {@code mcp.client} span for every request and notification the client sends
     * and an {@code mcp.server} span for every request the server sends to the client (sampling, elicitation, roots).
     * {@code network.transport} is recognised for the SDK's HTTP and stdio transports.
     */
    public McpClientTransport wrap(McpClientTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return InstrumentedView.of(McpClientTransport.class, transport,
                new TracingClientTransport(transport, recorder, Peer.ofClientTransport(transport, null)));
    }

    /**
     * Like {@link #wrap(McpClientTransport)}, and records {@code server.address} and {@code server.port} from the
     * server's URL, which the SDK's transports do not expose.
     *
     * @param serverUrl the URL the transport connects to, such as {@code http://localhost:8080/mcp}
     */
    public McpClientTransport wrap(McpClientTransport transport, URI serverUrl) {
        Objects.requireNonNull(transport, "transport");
        return InstrumentedView.of(McpClientTransport.class, transport,
                new TracingClientTransport(transport, recorder, Peer.ofClientTransport(transport, serverUrl)));
    }

    /**
     * A stateless server transport (such as the SDK's {@code HttpServletStatelessServerTransport}, which serves
     * streamable HTTP) whose requests and notifications are recorded as {@code mcp.server} spans, parented to the
     * context in {@code params._meta}. Build the server on the returned transport and keep serving HTTP with the
     * original one: only the handler the server installs is wrapped.
     */
    public McpStatelessServerTransport wrap(McpStatelessServerTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return InstrumentedView.of(McpStatelessServerTransport.class, transport,
                new TracingStatelessServerTransport(transport, recorder, Peer.ofServerTransport(transport)));
    }

    /**
     * A stateful server transport provider of the session-per-connection kind (the SDK's
     * {@code StdioServerTransportProvider} and {@code HttpServletSseServerTransportProvider}) whose sessions record
     * an {@code mcp.server} span for every request and notification they handle, parented to the context in
     * {@code params._meta} and carrying {@code mcp.session.id}, and {@code mcp.server.session.duration} from the
     * session's creation until it is closed. Build the server on the returned provider and keep serving with the
     * original one: only the session factory the server installs is wrapped.
     */
    public McpServerTransportProvider wrap(McpServerTransportProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return InstrumentedView.of(McpServerTransportProvider.class, provider,
                new TracingServerProvider(provider, recorder, Peer.ofServerTransport(provider)));
    }
}
