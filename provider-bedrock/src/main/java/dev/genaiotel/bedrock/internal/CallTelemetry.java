package dev.genaiotel.bedrock.internal;

import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/**
 * The telemetry of one call made through an instrumented client wrapper, as {@link WrappedCall#run} drives it. The
 * methods never throw: failures of the instrumentation are logged once and the call goes on.
 *
 * @param <R> the result type of the call's future
 */
public interface CallTelemetry<R> {

    /**
     * Makes the call's span current, while the delegate is called.
     *
     * @return the scope to close when the delegate returned
     */
    Scope makeCurrent();

    /**
     * The delegate threw instead of returning a future.
     *
     * @param error what it threw
     */
    void failed(Throwable error);

    /**
     * Ends the span when the call's future completes (unless a stream handler ended it first).
     *
     * @param future the future the delegate returned
     */
    void observe(CompletableFuture<? extends R> future);
}
