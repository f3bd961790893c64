package dev.genaiotel.core.internal;

/** The kinds of operation the engine records, one per semconv span type it emits. */
public enum Kind {
    /** {@code chat}, {@code text_completion}, {@code generate_content} (and their batch form). */
    INFERENCE,
    /** {@code embeddings}. */
    EMBEDDINGS,
    /** {@code execute_tool}. */
    EXECUTE_TOOL,
    /** {@code invoke_agent}, remote (CLIENT) or in-process (INTERNAL). */
    INVOKE_AGENT,
    /** {@code create_agent}. */
    CREATE_AGENT,
    /** {@code invoke_workflow}. */
    INVOKE_WORKFLOW,
    /** {@code retrieval}. */
    RETRIEVAL
}
