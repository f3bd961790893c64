package dev.genaiotel.core;

import java.util.Objects;

/**
 * A tool the application (or the agent framework) is about to run (the GenAI execute-tool span, {@code execute_tool}).
 * Only instrument code that itself runs the tool, never a model client that merely returns tool calls.
 *
 * @param name {@code gen_ai.tool.name}
 * @param callId {@code gen_ai.tool.call.id} from the model, never synthesised; or null
 * @param description {@code gen_ai.tool.description}, or null
 * @param type {@code gen_ai.tool.type} ({@code function}, {@code extension}, {@code datastore}), or null
 * @param arguments {@code gen_ai.tool.call.arguments} (opt-in content): a map, or a JSON string parsed
 *     best-effort; or null
 * @param agentName {@code gen_ai.agent.name} of the agent running the tool, or null
 */
public record ToolCall(String name, String callId, String description, String type, Object arguments,
        String agentName) implements GenAiRequest {

    /** Checks the tool name. */
    public ToolCall {
        Objects.requireNonNull(name, "name");
    }

    /** A function tool call. */
    public static ToolCall function(String name, String callId, Object arguments) {
        return new ToolCall(name, callId, null, "function", arguments, null);
    }
}
