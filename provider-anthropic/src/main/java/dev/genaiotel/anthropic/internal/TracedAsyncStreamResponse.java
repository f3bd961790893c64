package dev.genaiotel.anthropic.internal;

import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.core.StreamWatch;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link AsyncStreamResponse} whose handler sees exactly the delegate's events; the telemetry ends on the
 * handler's completion or failure, on close, or when the response is dropped before anyone subscribed (noticed by
 * the core's watch, or by anthropic-java's own cleaner, which closes it).
 */
final class TracedAsyncStreamResponse implements AsyncStreamResponse<RawMessageStreamEvent> {

    private final AsyncStreamResponse<RawMessageStreamEvent> delegate;
    private final MessageStream observer;
    private final StreamWatch watch;

    private TracedAsyncStreamResponse(AsyncStreamResponse<RawMessageStreamEvent> delegate, MessageStream observer) {
        this.delegate = delegate;
        this.observer = observer;
        StreamWatch created = observer.watch(this);
        this.watch = created;
        try {
            delegate.onCompleteFuture().whenComplete((ignored, error) -> {
                if (error != null) {
                    observer.failed(error);
                } else if (observer.subscribed) {
                    observer.completed();
                } else {
                    // Nobody subscribed and the caller did not close it (close() ends the span first):
                    // anthropic-java closed a response that became unreachable.
                    created.abandoned();
                }
            });
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("async stream completion", e);
        }
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    @SuppressWarnings("unchecked") // the view implements the raw interface over the same events
    static AsyncStreamResponse<RawMessageStreamEvent> of(AsyncStreamResponse<RawMessageStreamEvent> delegate,
            MessageStream observer) {
        return InstrumentedView.of(AsyncStreamResponse.class, delegate,
                new TracedAsyncStreamResponse(delegate, observer));
    }

    @Override
    public AsyncStreamResponse<RawMessageStreamEvent> subscribe(Handler<? super RawMessageStreamEvent> handler) {
        subscribed();
        delegate.subscribe(observing(handler));
        return this;
    }

    @Override
    public AsyncStreamResponse<RawMessageStreamEvent> subscribe(Handler<? super RawMessageStreamEvent> handler,
            Executor executor) {
        subscribed();
        delegate.subscribe(observing(handler), executor);
        return this;
    }

    /** A handler now drives the stream: the delegate keeps it alive, so dropping this view is not abandoning it. */
    /** The caller's handler behind an {@link ObservingHandler}, as a view that keeps up with anthropic-java. */
    @SuppressWarnings("unchecked") // the view passes on the same events
    private Handler<RawMessageStreamEvent> observing(Handler<? super RawMessageStreamEvent> handler) {
        ObservingHandler observing = new ObservingHandler(handler, observer);
        return handler == null ? observing : InstrumentedView.of(Handler.class, handler, observing);
    }

    private void subscribed() {
        observer.subscribed = true;
        watch.release();
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
        return delegate.onCompleteFuture();
    }

    @Override
    public void close() {
        observer.closed();
        delegate.close();
    }

    private static final class ObservingHandler implements Handler<RawMessageStreamEvent> {
        private final Handler<? super RawMessageStreamEvent> handler;
        private final MessageStream observer;

        ObservingHandler(Handler<? super RawMessageStreamEvent> handler, MessageStream observer) {
            this.handler = handler;
            this.observer = observer;
        }

        @Override
        public void onNext(RawMessageStreamEvent event) {
            observer.onEvent(event);
            handler.onNext(event);
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            if (error.isPresent()) {
                observer.failed(error.get());
            } else {
                observer.completed();
            }
            handler.onComplete(error);
        }
    }
}
