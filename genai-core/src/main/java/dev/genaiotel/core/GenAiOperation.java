package dev.genaiotel.core;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Objects;
import java.util.Optional;

/** A read-only view of one operation, handed to {@link GenAiListener}s. */
public interface GenAiOperation {

    /** {@code gen_ai.operation.name}, such as {@code chat} or {@code execute_tool}. */
    String operationName();

    /**
     * The request description: an {@link InferenceRequest}, {@link EmbeddingsRequest}, {@link ToolCall},
     * {@link AgentRequest}, {@link RetrievalRequest} or {@link WorkflowRequest}. When a {@link ContentRedactor} is
     * configured, its content is redacted (the size budgets do not apply here).
     */
    GenAiRequest request();

    /**
     * The request, when it is of the given kind.
     *
     * <pre>{@code operation.requestAs(InferenceRequest.class).map(InferenceRequest::model)}</pre>
     */
    default <T extends GenAiRequest> Optional<T> requestAs(Class<T> kind) {
        Objects.requireNonNull(kind, "kind");
        GenAiRequest request = request();
        return kind.isInstance(request) ? Optional.of(kind.cast(request)) : Optional.empty();
    }

    /**
     * What the operation ended with, or null while running or after a failure: an {@link InferenceResponse} for an
     * inference or an agent invocation, an {@link EmbeddingsResponse} for embeddings, the tool's result for a tool
     * execution, the agent id ({@code String}) for an agent creation, the
     * {@link dev.genaiotel.semconv.message.RetrievalDocument} list of a retrieval and the
     * {@link dev.genaiotel.semconv.message.OutputMessage} list of a workflow. Its content is redacted like
     * {@link #request()}'s.
     */
    Object response();

    /**
     * The response, when the operation ended successfully with one of the given type.
     *
     * <pre>{@code operation.responseAs(InferenceResponse.class).map(InferenceResponse::usage)}</pre>
     */
    default <T> Optional<T> responseAs(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object response = response();
        return type.isInstance(response) ? Optional.of(type.cast(response)) : Optional.empty();
    }

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
