package dev.genaiotel.ollama.internal;

import dev.genaiotel.core.Invocation;
import dev.genaiotel.core.StreamWatch;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLSession;

/**
 * The streamed bodies the application receives from an instrumented exchange ({@code ofInputStream},
 * {@code ofLines}, {@code ofPublisher}), watched so that one dropped unread ends the call as abandoned (the core's
 * one outcome for every provider) and releases the connection at once, instead of holding both until the server
 * closes it.
 *
 * <p>The HTTP client holds its own response, and so its body, until the exchange ends: that body can never look
 * dropped. The application therefore gets a view of the response whose body is a transparent wrapper that only the
 * application holds, and the wrapper is watched. Only the JDK's own body types are wrapped, whose declared types are
 * exactly {@code InputStream}, {@code Stream<String>} and {@code Flow.Publisher}, so the application's casts hold.
 */
final class WatchedBody {

    private static final Module HTTP_CLIENT_MODULE = HttpClient.class.getModule();

    private WatchedBody() {}

    /**
     * The response to hand to the application: {@code response} itself unless its body is a stream.
     *
     * @param response the client's response
     * @param invocation the call
     * @param release cancels the exchange's body subscription; must not refer to the response
     */
    static <T> HttpResponse<T> response(HttpResponse<T> response, Invocation invocation, AutoCloseable release) {
        T body = response.body();
        T watched = body(body, invocation, release);
        return watched == body ? response : new View<>(response, watched);
    }

    /**
     * {@code response} mapped by {@code watch} once complete; cancelling the result cancels {@code response}, as
     * cancelling the client's own future cancels the exchange.
     */
    static <T> CompletableFuture<HttpResponse<T>> future(CompletableFuture<HttpResponse<T>> response,
            UnaryOperator<HttpResponse<T>> watch) {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                response.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        response.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(watch.apply(value));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T body(T body, Invocation invocation, AutoCloseable release) {
        if (body == null || body.getClass().getModule() != HTTP_CLIENT_MODULE && !(body instanceof Stream<?>)) {
            return body;
        }
        if (body instanceof InputStream in) {
            WatchedInputStream watched = new WatchedInputStream(in);
            invocation.endWhenAbandoned(watched, release);
            return (T) watched;
        }
        if (body instanceof Stream<?> lines) {
            Stream<?> watched = StreamSupport.stream(lines.spliterator(), lines.isParallel()).onClose(lines::close);
            invocation.endWhenAbandoned(watched, release);
            return (T) watched;
        }
        if (body instanceof Flow.Publisher<?> publisher) {
            WatchedPublisher watched = new WatchedPublisher((Flow.Publisher<List<ByteBuffer>>) publisher);
            watched.watch = invocation.endWhenAbandoned(watched, release);
            return (T) watched;
        }
        return body;
    }

    /** The JDK's body input stream, unchanged but for being watched. */
    static final class WatchedInputStream extends FilterInputStream {
        WatchedInputStream(InputStream in) {
            super(in);
        }
    }

    /** The JDK's body publisher; a subscriber then drives the exchange and ends it, so the watch is released. */
    static final class WatchedPublisher implements Flow.Publisher<List<ByteBuffer>> {
        private final Flow.Publisher<List<ByteBuffer>> delegate;
        volatile StreamWatch watch;

        WatchedPublisher(Flow.Publisher<List<ByteBuffer>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            StreamWatch current = watch;
            if (current != null) {
                current.release();
            }
            delegate.subscribe(subscriber);
        }
    }

    /** The client's response with the watched body in place of its own; everything else is the response's. */
    private static final class View<T> implements HttpResponse<T> {
        private final HttpResponse<T> response;
        private final T body;

        View(HttpResponse<T> response, T body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return response.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public T body() {
            return body;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }

        @Override
        public String toString() {
            return response.toString();
        }
    }
}
