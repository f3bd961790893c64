package dev.genaiotel.semconv;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys and well-known values of the Model Context Protocol conventions (the {@code mcp.client} and
 * {@code mcp.server} spans and the {@code mcp.*} metrics of semantic-conventions-genai), together with the JSON-RPC,
 * RPC and network keys those spans carry. The GenAI keys they share ({@code gen_ai.tool.name},
 * {@code gen_ai.prompt.name}, {@code gen_ai.operation.name}, tool-call content, {@code error.type},
 * {@code server.*}) are in {@link GenAiAttributes}.
 */
public final class McpAttributes {

    /** {@code mcp.method.name}: the JSON-RPC method of the request or notification; required. */
    public static final AttributeKey<String> MCP_METHOD_NAME = AttributeKey.stringKey("mcp.method.name");

    /**
     * {@code mcp.session.id}: the {@code Mcp-Session-Id} of a session on a protocol revision before 2026-07-28;
     * never set for later revisions, which have no sessions.
     */
    public static final AttributeKey<String> MCP_SESSION_ID = AttributeKey.stringKey("mcp.session.id");

    /** {@code mcp.protocol.version}: the negotiated MCP protocol revision, such as {@code 2025-06-18}. */
    public static final AttributeKey<String> MCP_PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");

    /** {@code mcp.resource.uri}: the resource URI of {@code resources/read} and the subscription methods. */
    public static final AttributeKey<String> MCP_RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");

    /** {@code jsonrpc.request.id}: the request's {@code id} as a string; absent for notifications. */
    public static final AttributeKey<String> JSONRPC_REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");

    /** {@code jsonrpc.protocol.version}: recorded only when it is not {@code 2.0}. */
    public static final AttributeKey<String> JSONRPC_PROTOCOL_VERSION =
            AttributeKey.stringKey("jsonrpc.protocol.version");

    /** {@code rpc.response.status_code}: the JSON-RPC error code of an error response, as a string. */
    public static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE =
            AttributeKey.stringKey("rpc.response.status_code");

    /** {@code network.transport}: {@code tcp} (or {@code quic}) for HTTP transports, {@code pipe} for stdio. */
    public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");

    /** {@code network.protocol.name}: {@code http} for the HTTP transports, lower case. */
    public static final AttributeKey<String> NETWORK_PROTOCOL_NAME = AttributeKey.stringKey("network.protocol.name");

    /** {@code network.protocol.version}: the HTTP version, such as {@code 1.1} or {@code 2}. */
    public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
            AttributeKey.stringKey("network.protocol.version");

    /** {@code client.address}: the client's address as seen by the server. */
    public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");

    /** {@code client.port}: the client's port as seen by the server. */
    public static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");

    /** {@code error.type} of a {@code tools/call} whose result carries {@code isError: true}. */
    public static final String ERROR_TYPE_TOOL_ERROR = "tool_error";

    /** {@code network.transport} of the stdio transport. */
    public static final String NETWORK_TRANSPORT_PIPE = "pipe";

    /** {@code network.transport} of the HTTP transports. */
    public static final String NETWORK_TRANSPORT_TCP = "tcp";

    /** {@code network.protocol.name} of the HTTP transports. */
    public static final String NETWORK_PROTOCOL_HTTP = "http";

    /** The method of a tool call, the one MCP method that is also an {@code execute_tool} operation. */
    public static final String METHOD_TOOLS_CALL = "tools/call";

    /** The method that fetches a prompt; its target is {@code gen_ai.prompt.name}. */
    public static final String METHOD_PROMPTS_GET = "prompts/get";

    /** The handshake of protocol revisions before 2026-07-28; its result carries the negotiated version. */
    public static final String METHOD_INITIALIZE = "initialize";

    private McpAttributes() {}
}
