package dev.genaiotel.semconv.message;

import static dev.genaiotel.semconv.internal.Checks.required;

/**
 * A function the client runs when the model asks for it ({@code type: "function"}).
 *
 * @param name the function's name
 * @param description what it does, or null
 * @param parameters its JSON Schema: a map, or a raw JSON string parsed best-effort when encoded; null when absent
 */
public record FunctionToolDefinition(String name, String description, Object parameters) implements ToolDefinition {

    /** Checks the required field. */
    public FunctionToolDefinition {
        required(name, "FunctionToolDefinition", "name");
    }

    @Override
    public String type() {
        return "function";
    }
}
