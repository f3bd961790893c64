package dev.genaiotel.openai.internal;

import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;

/**
 * The telemetry of one streamed call. The stream wrappers feed it every item and tell it how the stream ended;
 * every method is fail-soft and ends the span at most once.
 *
 * @param <T> the streamed item type
 */
abstract class StreamObserver<T> {

    /** Set once an async handler is subscribed: the delegate then keeps the stream alive, not the caller. */
    volatile boolean subscribed;

    /** Makes the call's span current while the client sends the request. */
    abstract Scope makeCurrent();

    /**
     * An item arrived.
     *
     * @return whether the caller sees it; false only for items the instrumentation itself asked for
     */
    abstract boolean onItem(T item);

    /** The stream was drained to its end. */
    abstract void completed();

    /** The stream or the request failed with {@code error}. */
    abstract void failed(Throwable error);

    /** The caller closed the stream, possibly before its end. */
    abstract void closed();

    /**
     * Ends the call as abandoned if {@code owner}, the object the caller holds, is dropped before the stream ended;
     * the core's one stream lifecycle decides the outcome.
     */
    abstract StreamWatch watch(Object owner);
}
