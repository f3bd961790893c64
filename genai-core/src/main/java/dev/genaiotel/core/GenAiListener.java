package dev.genaiotel.core;

/**
 * A plugin that observes every operation's lifecycle, after the built-in span, metric and event recorders. Add one
 * with {@link GenAiTelemetryBuilder#addListener(GenAiListener)} or through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.genaiotel.core.GenAiListener}, or {@code provides} in a module descriptor).
 *
 * <p>Methods are called synchronously on the thread that starts or ends the operation, so they should be quick. A
 * listener that throws is isolated: the failure is logged once per cause and neither the other recorders nor the
 * application see it. A batch operation ({@link GenAiTelemetry#startInferenceBatch}) calls the batch methods
 * instead of the single ones.
 */
public interface GenAiListener {

    /** An operation started; its span, if any, exists. */
    default void onStart(GenAiOperation operation) {}

    /** An operation ended successfully; {@link GenAiOperation#response()} holds what was recorded. */
    default void onEnd(GenAiOperation operation) {}

    /** An operation failed; {@link GenAiOperation#error()} and {@link GenAiOperation#errorType()} say how. */
    default void onError(GenAiOperation operation) {}

    /** A batch operation (one call carrying many prompts) started. */
    default void onBatchStart(GenAiOperation operation) {}

    /** A batch operation ended successfully. */
    default void onBatchEnd(GenAiOperation operation) {}

    /** A batch operation failed. */
    default void onBatchError(GenAiOperation operation) {}
}
