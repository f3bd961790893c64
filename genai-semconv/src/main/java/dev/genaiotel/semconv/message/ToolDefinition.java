package dev.genaiotel.semconv.message;

/**
 * A tool offered to the model, one element of {@code gen_ai.tool.definitions}. By default only {@code type} and
 * {@code name} are recorded; description and parameters only when the user asks for them, as the conventions
 * advise.
 */
public sealed interface ToolDefinition permits FunctionToolDefinition, GenericToolDefinition {

    /** The tool's type, such as {@code function} or a built-in tool's type. */
    String type();

    /** The tool's name. */
    String name();
}
