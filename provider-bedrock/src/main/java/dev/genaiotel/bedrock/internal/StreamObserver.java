package dev.genaiotel.bedrock.internal;

/**
 * What an {@link ObservedPublisher} tells about an event stream on its way to the application. The methods never
 * throw, never block, and end the span at most once, on whichever of completion, failure, cancellation or
 * abandonment comes first.
 *
 * @param <E> the event type
 */
public interface StreamObserver<E> {

    /** The application subscribed to the stream: the SDK then keeps it alive, not the application. */
    void subscribed();

    /**
     * An event, just before the application's subscriber receives it.
     *
     * @param event the event
     */
    void onEvent(E event);

    /** The stream ended normally. */
    void completed();

    /** The application cancelled its subscription: the span ends with what arrived so far. */
    void cancelled();

    /**
     * The request or the stream failed.
     *
     * @param error the failure
     */
    void failed(Throwable error);

    /**
     * Ends the call as abandoned if {@code view}, the stream handed to the application, is dropped before anyone
     * subscribed; {@link #subscribed()} releases the watch.
     *
     * @param view the application's view of the stream
     */
    void watch(Object view);
}
