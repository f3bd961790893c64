package dev.genaiotel.bedrock.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A call's span made current on the thread that sends a sync client's request, so that the spans started while the
 * request is sent (an HTTP client's, an instrumentation agent's, a later interceptor's) are its children. The
 * interceptor opens it in {@code beforeTransmission} and closes it in {@code afterTransmission}, or, when the attempt
 * threw before a response came, when the next attempt begins or the call ends; the sync client runs all of these on
 * the calling thread.
 *
 * <p>It is closed only on the thread that opened it, and only while its context is the current one: the context
 * storage ignores a close while another context is on top (another instrumentation's scope, opened after ours and
 * closed later), so the scope then stays open for a later hook of the same call to close.
 */
final class TransmissionScope {

    private final Context context;
    private final Scope scope;
    private final Thread thread;

    private TransmissionScope(Context context, Scope scope, Thread thread) {
        this.context = context;
        this.scope = scope;
        this.thread = thread;
    }

    /** Makes {@code context} current on this thread. */
    static TransmissionScope open(Context context) {
        return new TransmissionScope(context, context.makeCurrent(), Thread.currentThread());
    }

    /**
     * Closes the scope when it can be closed correctly here.
     *
     * @return true when the scope is closed, or can never be closed from here (another thread); false when it is
     *     still open under a context another instrumentation made current, for a later hook to try again
     */
    boolean close() {
        if (Thread.currentThread() != thread) {
            return true;
        }
        if (Context.current() != context) {
            return false;
        }
        scope.close();
        return true;
    }
}
