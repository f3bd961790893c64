package dev.genaiotel.openai.internal;

import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;

/**
 * The telemetry of one non-streaming call: made current while the client sends the request, then ended exactly
 * once with the result, the failure, or nothing when the caller never looks at the result.
 *
 * @param <R> the client's result type
 */
abstract class TracedCall<R> {

    /** Makes the call's span current while the client sends the request. */
    abstract Scope makeCurrent();

    /** The client returned {@code result}. */
    abstract void succeeded(R result);

    /** The client threw {@code error} (possibly wrapped by a future). */
    abstract void failed(Throwable error);

    /** The call ended without a parsed result: a raw response closed or read as bytes. */
    abstract void endedWithoutResult();

    /** Ends the call as abandoned if {@code owner}, a raw response, is dropped unparsed and unclosed. */
    abstract StreamWatch watch(Object owner);
}
