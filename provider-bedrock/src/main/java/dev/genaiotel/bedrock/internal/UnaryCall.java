package dev.genaiotel.bedrock.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The telemetry of a call answered by one response rather than a stream: the outcome of its future ends the span,
 * with what the response tells, or without it when reading the response fails.
 *
 * @param <R> the response type
 */
abstract class UnaryCall<R> implements CallTelemetry<R> {

    private final String where;

    UnaryCall(String where) {
        this.where = where;
    }

    /** Ends the span with what {@code response} tells. */
    abstract void succeeded(R response);

    /** Ends the span without what the response would have told: reading it failed. */
    abstract void endWithoutResponse();

    @Override
    public final void observe(CompletableFuture<? extends R> future) {
        future.whenComplete((response, error) -> {
            if (error != null) {
                failed(error);
                return;
            }
            try {
                succeeded(response);
            } catch (RuntimeException | LinkageError e) {
                FailSoft.log(where + " end", e);
                endWithoutResponse();
            }
        });
    }
}
