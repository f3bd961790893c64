package dev.genaiotel.anthropic.internal;

import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpResponseFor;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.core.StreamWatch;
import java.io.InputStream;
import java.util.Optional;

/**
 * A raw response ({@code withRawResponse()}) whose telemetry ends when the caller parses it (with the parsed value),
 * reads its body or closes it (without one), or drops it unparsed (as abandoned).
 */
final class TracedHttpResponseFor<T> implements HttpResponseFor<T> {

    /** What to do at each step of a raw response's life. */
    interface Lifecycle<T> {
        /** The body was parsed into {@code value}; returns what the caller gets (the value or a wrapper of it). */
        T parsed(T value);

        /** Parsing failed. */
        void failed(Throwable error);

        /** The caller closed the response or took its body as bytes. */
        void closed();

        /** Ends the call as abandoned if {@code owner} is dropped first. */
        StreamWatch watch(Object owner);
    }

    private final HttpResponseFor<T> delegate;
    private final Lifecycle<T> lifecycle;
    private volatile T parsed;

    private TracedHttpResponseFor(HttpResponseFor<T> delegate, Lifecycle<T> lifecycle) {
        this.delegate = delegate;
        this.lifecycle = lifecycle;
        lifecycle.watch(this);
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    @SuppressWarnings("unchecked") // the view implements the raw interface over the same value
    static <T> HttpResponseFor<T> of(HttpResponseFor<T> delegate, Lifecycle<T> lifecycle) {
        return InstrumentedView.of(HttpResponseFor.class, delegate, new TracedHttpResponseFor<>(delegate, lifecycle));
    }

    @Override
    public T parse() {
        T known = parsed;
        if (known != null) {
            return known;
        }
        T value;
        try {
            value = delegate.parse();
        } catch (Throwable error) {
            lifecycle.failed(error);
            throw error;
        }
        synchronized (this) {
            if (parsed == null) {
                parsed = lifecycle.parsed(value);
            }
            return parsed;
        }
    }

    @Override
    public int statusCode() {
        return delegate.statusCode();
    }

    @Override
    public Headers headers() {
        return delegate.headers();
    }

    @Override
    public Optional<String> requestId() {
        return delegate.requestId();
    }

    @Override
    public Optional<String> workspaceId() {
        return delegate.workspaceId();
    }

    @Override
    public InputStream body() {
        InputStream body = delegate.body();
        lifecycle.closed();
        return body;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            lifecycle.closed();
        }
    }
}
