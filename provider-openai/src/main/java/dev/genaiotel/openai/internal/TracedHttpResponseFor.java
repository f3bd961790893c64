package dev.genaiotel.openai.internal;

import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import java.io.InputStream;
import java.util.Optional;

/**
 * A raw response ({@code withRawResponse()}) whose telemetry ends when the caller parses it (with the parsed
 * value), reads its body or closes it (without one), or drops it.
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

        /** The caller dropped the response. */
        void abandoned();
    }

    private final HttpResponseFor<T> delegate;
    private final Lifecycle<T> lifecycle;
    private volatile T parsed;

    TracedHttpResponseFor(HttpResponseFor<T> delegate, Lifecycle<T> lifecycle) {
        this.delegate = delegate;
        this.lifecycle = lifecycle;
        Abandonment.watch(this, new AbandonAction(lifecycle));
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

    private static final class AbandonAction implements Runnable {
        private final Lifecycle<?> lifecycle;

        AbandonAction(Lifecycle<?> lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void run() {
            try {
                lifecycle.abandoned();
            } catch (RuntimeException e) {
                FailSoft.log("abandoned raw response", e);
            }
        }
    }
}
