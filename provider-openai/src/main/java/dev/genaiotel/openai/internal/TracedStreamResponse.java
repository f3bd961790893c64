package dev.genaiotel.openai.internal;

import com.openai.core.http.StreamResponse;
import dev.genaiotel.core.InstrumentedView;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
        Stream<T> source = delegate.stream();
        return StreamSupport.stream(new ObservingSpliterator<>(source.spliterator(), observer, this), false)
                .onClose(source::close);
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            observer.closed();
        }
    }

    /**
     * Feeds each item to the observer before the caller's action; holds the owning response so that a caller who
     * keeps only the {@link Stream} does not make it look abandoned.
     *
     * <p>Terminal operations that take every item ({@code forEach}, {@code collect}, ...) come through
     * {@link #forEachRemaining}, which lets the source push its items through its own pipeline; pulling them one by
     * one with {@code tryAdvance} would make a pipelined source (openai-java maps its SSE lines) buffer every item.
     */
    private static final class ObservingSpliterator<T> implements Spliterator<T>, Consumer<T> {
        private final Spliterator<T> source;
        private final StreamObserver<T> observer;
        private final Object owner;
        private T current;
        /** The caller's action while {@link #forEachRemaining} runs, else null. */
        private Consumer<? super T> downstream;
        /** Set when the caller's own action threw: that is not a failure of the stream. */
        private boolean downstreamFailed;

        ObservingSpliterator(Spliterator<T> source, StreamObserver<T> observer, Object owner) {
            this.source = source;
            this.observer = observer;
            this.owner = owner;
        }

        @Override
        public void accept(T item) {
            Consumer<? super T> action = downstream;
            if (action == null) {
                current = item;
            } else if (observer.onItem(item)) {
                try {
                    action.accept(item);
                } catch (Throwable error) {
                    downstreamFailed = true;
                    throw error;
                }
            }
        }

        @Override
        public void forEachRemaining(Consumer<? super T> action) {
            downstream = action;
            try {
                source.forEachRemaining(this);
            } catch (Throwable error) {
                if (!downstreamFailed) {
                    observer.failed(error);
                }
                throw error;
            } finally {
                downstream = null;
            }
            observer.completed();
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (true) {
                boolean advanced;
                try {
                    advanced = source.tryAdvance(this);
                } catch (Throwable error) {
                    observer.failed(error);
                    throw error;
                }
                if (!advanced) {
                    observer.completed();
                    return false;
                }
                T item = current;
                current = null;
                if (observer.onItem(item)) {
                    action.accept(item);
                    return true;
                }
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return source.characteristics() & (ORDERED | NONNULL | IMMUTABLE);
        }
    }
}
