package dev.genaiotel.openai.internal;

import com.openai.core.http.StreamResponse;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.core.ObservedStream;
import java.util.stream.Stream;

/**
 * A {@link StreamResponse} that shows the caller exactly the delegate's items (minus those the instrumentation
 * asked for itself) and ends the telemetry when the stream is drained, fails, is closed, or is dropped.
 */
final class TracedStreamResponse<T> implements StreamResponse<T> {

    private final StreamResponse<T> delegate;
    private final StreamObserver<T> observer;

    private TracedStreamResponse(StreamResponse<T> delegate, StreamObserver<T> observer) {
        this.delegate = delegate;
        this.observer = observer;
        observer.watch(this);
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    @SuppressWarnings("unchecked") // the view implements the raw interface over the same items
    static <T> StreamResponse<T> of(StreamResponse<T> delegate, StreamObserver<T> observer) {
        return InstrumentedView.of(StreamResponse.class, delegate, new TracedStreamResponse<>(delegate, observer));
    }

    @Override
    public Stream<T> stream() {
        return ObservedStream.of(delegate.stream(), new Items<>(observer), this);
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            observer.closed();
        }
    }

    /** The observer as the core's {@link ObservedStream} sees it. */
    private static final class Items<T> implements ObservedStream.Observer<T> {
        private final StreamObserver<T> observer;

        Items(StreamObserver<T> observer) {
            this.observer = observer;
        }

        @Override
        public boolean onItem(T item) {
            return observer.onItem(item);
        }

        @Override
        public void completed() {
            observer.completed();
        }

        @Override
        public void failed(Throwable error) {
            observer.failed(error);
        }
    }
}
