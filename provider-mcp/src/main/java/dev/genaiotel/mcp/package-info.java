/**
 * Instrumentation of the Model Context Protocol Java SDK: wrap a client transport or a server transport with
 * {@link dev.genaiotel.mcp.McpTelemetry} and every JSON-RPC request through it becomes a span, following the MCP
 * semantic conventions.
 */
package dev.genaiotel.mcp;
