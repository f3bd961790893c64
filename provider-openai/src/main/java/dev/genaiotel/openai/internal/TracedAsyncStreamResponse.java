package dev.genaiotel.openai.internal;

import com.openai.core.http.AsyncStreamResponse;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.core.StreamWatch;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link AsyncStreamResponse} whose handler sees exactly the delegate's items (minus those the instrumentation
 * asked for itself); the telemetry ends on the handler's completion or failure, on close, or when the response is
 * dropped before anyone subscribed (noticed by our cleaner or by openai-java's own, which closes it).
 */
final class TracedAsyncStreamResponse<T> implements AsyncStreamResponse<T> {

    private final AsyncStreamResponse<T> delegate;
    private final StreamObserver<T> observer;
    private final StreamWatch watch;

    private TracedAsyncStreamResponse(AsyncStreamResponse<T> delegate, StreamObserver<T> observer) {
        this.delegate = delegate;
        this.observer = observer;
        StreamWatch watch = observer.watch(this);
        this.watch = watch;
        try {
            delegate.onCompleteFuture().whenComplete((ignored, error) -> {
                if (error != null) {
                    observer.failed(error);
                } else if (observer.subscribed) {
                    observer.completed();
                } else {
                    // Nobody subscribed and the caller did not close it (close() ends the span first): openai-java
                    // closed a response that became unreachable.
                    watch.abandoned();
                }
            });
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("async stream completion", e);
        }
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    @SuppressWarnings("unchecked") // the view implements the raw interface over the same items
    static <T> AsyncStreamResponse<T> of(AsyncStreamResponse<T> delegate, StreamObserver<T> observer) {
        return InstrumentedView.of(AsyncStreamResponse.class, delegate,
                new TracedAsyncStreamResponse<>(delegate, observer));
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
        subscribed();
        delegate.subscribe(observing(handler));
        return this;
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
        subscribed();
        delegate.subscribe(observing(handler), executor);
        return this;
    }

    /** A handler now drives the stream: the delegate keeps it alive, so dropping this view is not abandoning it. */
    /** The caller's handler behind an {@link ObservingHandler}, as a view that keeps up with openai-java. */
    @SuppressWarnings("unchecked") // the view passes on the same items
    private Handler<T> observing(Handler<? super T> handler) {
        ObservingHandler<T> observing = new ObservingHandler<>(handler, observer);
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

    /**
     * Closing a response whose request already failed is that failure, not an early close: a caller may close it
     * from its own completion callback, which {@link CompletableFuture} runs before ours (Spring AI's models do).
     */
    @Override
    public void close() {
        Throwable failure = null;
        try {
            CompletableFuture<Void> done = delegate.onCompleteFuture();
            if (done.isCompletedExceptionally()) {
                failure = done.handle((ignored, error) -> error).getNow(null);
            }
        } catch (RuntimeException e) {
            FailSoft.log("async stream close", e);
        }
        if (failure != null) {
            observer.failed(failure);
        } else {
            observer.closed();
        }
        delegate.close();
    }

    private static final class ObservingHandler<T> implements Handler<T> {
        private final Handler<? super T> handler;
        private final StreamObserver<T> observer;

        ObservingHandler(Handler<? super T> handler, StreamObserver<T> observer) {
            this.handler = handler;
            this.observer = observer;
        }

        @Override
        public void onNext(T item) {
            if (observer.onItem(item)) {
                handler.onNext(item);
            }
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
