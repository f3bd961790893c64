package dev.genaiotel.core;

import dev.genaiotel.core.internal.Abandonment;
import dev.genaiotel.core.internal.Operation;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One GenAI operation in flight, which owns its span and ends it exactly once. Each kind adds its own
 * {@code end(...)}; {@link #fail(Throwable)} is common. The first of end and fail wins atomically, even when they
 * race on different threads; later calls do nothing.
 *
 * <p>Two ways to use one:
 * <ul>
 *   <li>Explicit, for async work: start it, hand it to the callback, call {@code end} or {@code fail} there.</li>
 *   <li>Try-with-resources: {@link #close()} ends the operation with the outcome recorded so far; see there.</li>
 * </ul>
 *
 * <p>While the client makes its own call, make the span current with {@link #makeCurrent()} in a
 * try-with-resources block, so that HTTP client spans nest under it.
 *
 * <p>When telemetry is switched off, the factories return pass-through invocations whose methods do nothing.
 */
public abstract sealed class Invocation implements AutoCloseable
        permits Inference, InferenceBatch, Embeddings, ToolExecution, AgentInvocation, AgentCreation, Workflow,
        Retrieval {

    /**
     * The {@code error.type} of an operation whose stream the application dropped without draining, closing or
     * cancelling it; see {@link StreamWatch}.
     */
    public static final String STREAM_ABANDONED = "stream_abandoned";

    final Operation<?, ?> op;

    Invocation(Operation<?, ?> op) {
        this.op = op;
    }

    /**
     * Makes this operation's span current; close the returned scope (try-with-resources) before the method that
     * opened it returns. A nested inference returns a no-op scope, since the outer span is already current.
     */
    public final Scope makeCurrent() {
        return op == null ? Scope.noop() : op.makeCurrent();
    }

    /**
     * The context holding this operation's span, to carry it to other threads by hand
     * ({@code context().wrap(runnable)}); the current context for a pass-through invocation.
     */
    public final Context context() {
        return op == null ? Context.current() : op.context();
    }

    /** The span's context; invalid when nothing is recorded. */
    public final SpanContext spanContext() {
        return op == null ? SpanContext.getInvalid() : op.spanContext();
    }

    /** True once ended or failed (always true for a pass-through invocation). */
    public final boolean isEnded() {
        return op == null || op.isEnded();
    }

    /**
     * Ends the operation as failed: span status ERROR, the exception recorded, {@code error.type} set to the
     * exception's fully qualified class name (or {@code _OTHER} when null), also on the duration metric.
     */
    public final void fail(Throwable error) {
        fail(error, null);
    }

    /**
     * Ends the operation as failed with a provider error code as {@code error.type}, such as {@code 429} or
     * {@code rate_limit_exceeded}; falls back to the exception's class name when the code is null or blank.
     */
    public final void fail(Throwable error, String errorType) {
        if (op != null) {
            op.fail(error, errorType);
        }
    }

    /**
     * Ends this operation as abandoned if {@code stream}, the object through which the application reads the
     * response, becomes unreachable before the operation ended. Every provider ends its streams this way, so that an
     * abandoned stream has one outcome everywhere (see {@link StreamWatch}). Drain, close, error and cancellation end
     * the operation as usual through {@code end} and {@code fail}; the watch then does nothing.
     *
     * @param stream what the application holds; the watch keeps no reference to it
     * @return the watch, to {@link StreamWatch#release() release} when something else keeps the stream alive
     */
    public final StreamWatch endWhenAbandoned(Object stream) {
        return endWhenAbandoned(stream, null);
    }

    /**
     * Like {@link #endWhenAbandoned(Object)}, and on abandonment also closes {@code resource}: what the dropped
     * stream held open (the HTTP response body under it), so that the connection is released too.
     *
     * @param stream what the application holds; the watch keeps no reference to it
     * @param resource closed once after the operation ended as abandoned; must not refer to {@code stream}; or null
     * @return the watch, to {@link StreamWatch#release() release} when something else keeps the stream alive
     */
    public final StreamWatch endWhenAbandoned(Object stream, AutoCloseable resource) {
        if (op == null || stream == null) {
            return StreamWatch.NONE;
        }
        StreamWatch watch = new StreamWatch(op, resource);
        Abandonment.watch(stream, watch::abandoned);
        return watch;
    }

    /** Emits {@code gen_ai.evaluation.result} for this operation, parented to its span. */
    public final void recordEvaluation(EvaluationResult result) {
        if (op != null && result != null) {
            op.recordEvaluation(result);
        }
    }

    /**
     * Ends the operation unless it already ended: successfully with the outcome recorded by the kind's
     * {@code record...} method (or, for an inference, the streamed chunks), otherwise as failed with
     * {@code error.type} {@code _OTHER}, because a try block left with no outcome is most often an exception in
     * flight. Call {@code end(...)} or {@code fail(...)} explicitly to say exactly what happened.
     */
    @Override
    public final void close() {
        if (op != null) {
            op.close();
        }
    }
}
