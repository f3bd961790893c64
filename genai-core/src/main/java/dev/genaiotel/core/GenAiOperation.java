package dev.genaiotel.core;

import io.opentelemetry.api.trace.SpanContext;

/** A read-only view of one operation, handed to {@link GenAiListener}s. */
public interface GenAiOperation {

    /** {@code gen_ai.operation.name}, such as {@code chat} or {@code execute_tool}. */
    String operationName();

    /**
     * The request description: an {@link InferenceRequest}, {@link EmbeddingsRequest}, {@link ToolCall},
     * {@link AgentRequest}, {@link RetrievalRequest} or {@link WorkflowRequest}. When a {@link ContentRedactor} is
     * configured, its content is redacted (the size budgets do not apply here).
     */
    Object request();

    /**
     * What the operation ended with (for an inference an {@link InferenceResponse}), or null while running or after
     * a failure. Its content is redacted like {@link #request()}'s.
     */
    Object response();

    /** The failure, or null. */
    Throwable error();

    /** The {@code error.type} recorded on failure, or null. */
    String errorType();

    /** The span's context; invalid when no span was recorded. */
    SpanContext spanContext();

    /** The duration in nanoseconds, or -1 while the operation runs. */
    long durationNanos();

    /** The number of prompts of a batch operation, or 0 for a single one. */
    int batchSize();
}
