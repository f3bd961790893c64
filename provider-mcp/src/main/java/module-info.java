/**
 * OpenTelemetry instrumentation for the Model Context Protocol Java SDK: {@code mcp.client} and {@code mcp.server}
 * spans, {@code mcp.*} duration metrics, tool calls as {@code execute_tool} operations and the trace context carried
 * in {@code params._meta}. Entry point: {@link dev.genaiotel.mcp.McpTelemetry}.
 */
module dev.genaiotel.mcp {
    requires transitive dev.genaiotel.core;
    requires transitive io.modelcontextprotocol.sdk.mcp.core;
    requires transitive reactor.core;
    requires org.reactivestreams;
    requires java.logging;
    // mcp-core's automatic module cannot pull slf4j-api (an explicit module) into the module graph by itself.
    requires org.slf4j;

    exports dev.genaiotel.mcp;
}
