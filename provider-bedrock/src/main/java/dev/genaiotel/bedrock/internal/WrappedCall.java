package dev.genaiotel.bedrock.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How an instrumented client wrapper calls its delegate: {@link #run} starts the telemetry, calls the delegate with
 * the span current, and hands the returned future to the telemetry. The context is marked during that call, so that
 * the execution interceptor on the same client records nothing: one span per call when both are installed.
 */
public final class WrappedCall {

    private static final ContextKey<Boolean> KEY = ContextKey.named("dev.genaiotel.bedrock.wrapped-call");

    private WrappedCall() {}

    /**
     * Calls the delegate inside the telemetry {@code start} begins. When starting fails, the failure is logged once
     * and the delegate is called without telemetry; what the delegate returns or throws reaches the caller unchanged.
     *
     * @param where the operation, for the fail-soft log
     * @param start starts the telemetry of the call, in the caller's context
     * @param send calls the delegate, given the telemetry (stream operations wrap their handler with it)
     * @param untraced calls the delegate without telemetry
     * @param <T> the telemetry type
     * @param <R> the result type of the call's future
     * @return the delegate's future
     */
    @SuppressWarnings("try") // the scopes are only held open while the delegate is called
    public static <T extends CallTelemetry<R>, R> CompletableFuture<R> run(String where, Supplier<T> start,
            Function<T, CompletableFuture<R>> send, Supplier<CompletableFuture<R>> untraced) {
        T telemetry;
        try {
            telemetry = start.get();
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(where + " start", e);
            return untraced.get();
        }
        CompletableFuture<R> future;
        try (Scope span = telemetry.makeCurrent(); Scope marker = enter()) {
            future = send.apply(telemetry);
        } catch (RuntimeException | Error e) {
            telemetry.failed(e);
            throw e;
        }
        if (future != null) {
            telemetry.observe(future);
        }
        return future;
    }

    /** Marks the current context until the returned scope is closed, in the same thread. */
    static Scope enter() {
        return Context.current().with(KEY, Boolean.TRUE).makeCurrent();
    }

    /** True inside a wrapper's call to its delegate. */
    static boolean active() {
        return Context.current().get(KEY) != null;
    }
}
