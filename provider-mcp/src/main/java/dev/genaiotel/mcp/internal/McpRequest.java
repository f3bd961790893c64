package dev.genaiotel.mcp.internal;

import static dev.genaiotel.semconv.McpAttributes.METHOD_PROMPTS_GET;
import static dev.genaiotel.semconv.McpAttributes.METHOD_TOOLS_CALL;

import java.util.Map;
import java.util.Set;

/**
 * One JSON-RPC request or notification as the instrumentation reads it: its method, id and params as a map.
 *
 * @param method the JSON-RPC method
 * @param id the request id, or null for a notification
 * @param params the params as a map; empty when there are none or they could not be read
 */
record McpRequest(String method, Object id, Map<String, Object> params) {

    private static final Set<String> RESOURCE_METHODS = Set.of("resources/read", "resources/subscribe",
            "resources/unsubscribe", "notifications/resources/updated");

    /** {@code gen_ai.tool.name} of a tool call, else null. */
    String toolName() {
        return METHOD_TOOLS_CALL.equals(method) ? text(params.get("name")) : null;
    }

    /** {@code gen_ai.prompt.name} of a prompt request, else null. */
    String promptName() {
        return METHOD_PROMPTS_GET.equals(method) ? text(params.get("name")) : null;
    }

    /** {@code mcp.resource.uri} of the methods that name a resource, else null. */
    String resourceUri() {
        return RESOURCE_METHODS.contains(method) ? text(params.get("uri")) : null;
    }

    /** The arguments of a tool call, or null. */
    Object toolArguments() {
        return METHOD_TOOLS_CALL.equals(method) ? params.get("arguments") : null;
    }

    /** The {@code _meta} bag of the params, or null. */
    Map<?, ?> meta() {
        return params.get("_meta") instanceof Map<?, ?> meta ? meta : null;
    }

    /** {@code {mcp.method.name} {target}}: the tool or prompt name, or the resource URI when asked for. */
    String spanName(boolean resourceUriAsTarget) {
        String target = toolName();
        if (target == null) {
            target = promptName();
        }
        if (target == null && resourceUriAsTarget) {
            target = resourceUri();
        }
        return target == null || target.isEmpty() ? method : method + ' ' + target;
    }

    private static String text(Object value) {
        return value instanceof String string ? string : null;
    }
}
