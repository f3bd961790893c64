package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.tool.type} ({@link GenAiAttributes#GEN_AI_TOOL_TYPE}). The attribute is a free
 * string; these are the values the conventions document.
 */
public final class ToolType {

    /** {@code function}: executed on the client side from parameters the model generated. */
    public static final String FUNCTION = "function";

    /** {@code extension}: executed on the agent side, calling external APIs. */
    public static final String EXTENSION = "extension";

    /** {@code datastore}: data access, e.g. for retrieval-augmented generation. */
    public static final String DATASTORE = "datastore";

    private ToolType() {}
}
