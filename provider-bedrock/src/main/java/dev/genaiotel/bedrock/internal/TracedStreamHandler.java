package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.awscore.eventstream.EventStreamResponseHandler;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The application's event-stream handler with the telemetry beside it: every callback reaches the application's
 * handler unchanged and in the same thread; the event publisher it receives is an {@link ObservedPublisher}. Each
 * streamed operation subclasses it to implement the operation's own handler interface.
 *
 * @param <R> the initial response type
 * @param <E> the event type
 */
public abstract class TracedStreamHandler<R, E> implements EventStreamResponseHandler<R, E> {

    private final EventStreamResponseHandler<R, E> delegate;
    private final StreamObserver<E> observer;

    /**
     * Wraps a handler.
     *
     * @param delegate the application's handler
     * @param observer the telemetry of the stream
     */
    protected TracedStreamHandler(EventStreamResponseHandler<R, E> delegate, StreamObserver<E> observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public final void responseReceived(R response) {
        delegate.responseReceived(response);
    }

    @Override
    public final void onEventStream(SdkPublisher<E> publisher) {
        delegate.onEventStream(ObservedPublisher.create(publisher, observer));
    }

    @Override
    public final void exceptionOccurred(Throwable error) {
        observer.failed(error);
        delegate.exceptionOccurred(error);
    }

    @Override
    public final void complete() {
        observer.completed();
        delegate.complete();
    }
}
