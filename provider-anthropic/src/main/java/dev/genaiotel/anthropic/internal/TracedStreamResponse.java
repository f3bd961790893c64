package dev.genaiotel.anthropic.internal;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.core.InstrumentedView;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link StreamResponse} that shows the caller exactly the delegate's events and ends the telemetry when the
 * stream is drained, fails, is closed, or is dropped (the core's abandonment watch on this object).
 */
final class TracedStreamResponse implements StreamResponse<RawMessageStreamEvent> {

    private final StreamResponse<RawMessageStreamEvent> delegate;
    private final MessageStream observer;

    private TracedStreamResponse(StreamResponse<RawMessageStreamEvent> delegate, MessageStream observer) {
        this.delegate = delegate;
        this.observer = observer;
        observer.watch(this);
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    @SuppressWarnings("unchecked") // the view implements the raw interface over the same events
    static StreamResponse<RawMessageStreamEvent> of(StreamResponse<RawMessageStreamEvent> delegate,
            MessageStream observer) {
        return InstrumentedView.of(StreamResponse.class, delegate, new TracedStreamResponse(delegate, observer));
    }

    @Override
    public Stream<RawMessageStreamEvent> stream() {
        Stream<RawMessageStreamEvent> source = delegate.stream();
        return StreamSupport.stream(new ObservingSpliterator(source.spliterator(), observer, this), false)
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
     * Feeds each event to the observer before the caller's action, and holds the owning response so that a caller
     * who keeps only the {@link Stream} does not make it look abandoned. Terminal operations that take every event
     * come through {@link #forEachRemaining}, letting the source push its events through its own pipeline.
     */
    private static final class ObservingSpliterator implements Spliterator<RawMessageStreamEvent>,
            Consumer<RawMessageStreamEvent> {
        private final Spliterator<RawMessageStreamEvent> source;
        private final MessageStream observer;
        @SuppressWarnings("unused") // holds the response reachable while the caller reads the stream
        private final Object owner;
        private RawMessageStreamEvent current;
        private Consumer<? super RawMessageStreamEvent> downstream;
        /** Set when the caller's own action threw: that is not a failure of the stream. */
        private boolean downstreamFailed;

        ObservingSpliterator(Spliterator<RawMessageStreamEvent> source, MessageStream observer, Object owner) {
            this.source = source;
            this.observer = observer;
            this.owner = owner;
        }

        @Override
        public void accept(RawMessageStreamEvent event) {
            Consumer<? super RawMessageStreamEvent> action = downstream;
            if (action == null) {
                current = event;
                return;
            }
            observer.onEvent(event);
            try {
                action.accept(event);
            } catch (Throwable error) {
                downstreamFailed = true;
                throw error;
            }
        }

        @Override
        public void forEachRemaining(Consumer<? super RawMessageStreamEvent> action) {
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
        public boolean tryAdvance(Consumer<? super RawMessageStreamEvent> action) {
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
            RawMessageStreamEvent event = current;
            current = null;
            observer.onEvent(event);
            action.accept(event);
            return true;
        }

        @Override
        public Spliterator<RawMessageStreamEvent> trySplit() {
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
