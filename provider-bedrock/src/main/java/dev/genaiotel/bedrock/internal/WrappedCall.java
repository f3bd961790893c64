package dev.genaiotel.bedrock.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * Marks the context in which an instrumented client wrapper calls its delegate, so that the execution interceptor
 * on the same client records nothing: one span per call when both are installed.
 */
final class WrappedCall {

    private static final ContextKey<Boolean> KEY = ContextKey.named("dev.genaiotel.bedrock.wrapped-call");

    private WrappedCall() {}

    /** Marks the current context until the returned scope is closed, in the same thread. */
    static Scope enter() {
        return Context.current().with(KEY, Boolean.TRUE).makeCurrent();
    }

    /** True inside a wrapper's call to its delegate. */
    static boolean active() {
        return Context.current().get(KEY) != null;
    }
}
