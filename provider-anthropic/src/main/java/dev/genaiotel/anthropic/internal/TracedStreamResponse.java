package dev.genaiotel.anthropic.internal;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.core.ObservedStream;
import java.util.stream.Stream;

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
        return ObservedStream.of(delegate.stream(), observer, this);
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            observer.closed();
        }
    }
}
