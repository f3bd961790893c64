package dev.genaiotel.benchmarks;

import dev.genaiotel.ollama.OllamaTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The instrumentation's own cost, without the network: the wrapped client is an in-memory {@link HttpClient} that
 * answers with Ollama's wire format synchronously, and the SDK records spans and metrics as in
 * {@link OllamaBenchmark} (one {@code onNext} per NDJSON chunk, as the JDK client delivers
 * a flushed HTTP chunk). {@code wrapped* - raw*} is exactly what the instrumentation adds, which a loopback
 * round trip on a busy machine hides in its noise ({@link OllamaBenchmark} measures that one). Per chunk:
 * {@code (wrappedStream - rawStream - (wrappedChat - rawChat)) / chunks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OllamaInMemoryBenchmark {

    /** NDJSON chunks per streamed answer, the last one included. */
    @Param({"100"})
    public int chunks;

    private HttpClient raw;
    private HttpClient wrapped;
    private HttpRequest chat;
    private HttpRequest stream;

    @Setup
    public void setUp() {
        OpenTelemetrySdk sdk = BenchmarkSdk.discarding();
        URI uri = URI.create("http://127.0.0.1:11434/api/chat");
        chat = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
                + "\"options\":{\"temperature\":0.2},\"stream\":false}")).build();
        stream = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
                + "\"options\":{\"temperature\":0.2}}")).build();
        byte[][] streamed = new byte[chunks][];
        for (int i = 0; i < chunks - 1; i++) {
            streamed[i] = OllamaPayloads.CHUNK;
        }
        streamed[chunks - 1] = OllamaPayloads.LAST_CHUNK;
        raw = new InMemoryOllama(stream, streamed);
        wrapped = OllamaTelemetry.create(sdk).wrap(raw);
    }

    /** A non-streaming chat, raw. */
    @Benchmark
    public String rawChat() throws Exception {
        return raw.send(chat, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A non-streaming chat, instrumented. */
    @Benchmark
    public String wrappedChat() throws Exception {
        return wrapped.send(chat, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A streamed chat, raw. */
    @Benchmark
    public String rawStream() throws Exception {
        return raw.send(stream, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A streamed chat, instrumented. */
    @Benchmark
    public String wrappedStream() throws Exception {
        return wrapped.send(stream, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Answers synchronously from memory: a JSON body, or the NDJSON chunks for the streaming request. */
    private static final class InMemoryOllama extends HttpClient {
        private static final HttpHeaders JSON = HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), (name, value) -> true);
        private static final HttpHeaders NDJSON = HttpHeaders.of(
                Map.of("Content-Type", List.of("application/x-ndjson")), (name, value) -> true);
        private static final Flow.Subscription UNBOUNDED = new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        };

        private final HttpRequest streamRequest;
        private final byte[][] streamed;

        InMemoryOllama(HttpRequest streamRequest, byte[][] streamed) {
            this.streamRequest = streamRequest;
            this.streamed = streamed;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException {
            boolean streaming = request == streamRequest;
            HttpHeaders headers = streaming ? NDJSON : JSON;
            HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public HttpHeaders headers() {
                    return headers;
                }

                @Override
                public Version version() {
                    return Version.HTTP_1_1;
                }
            };
            HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
            subscriber.onSubscribe(UNBOUNDED);
            if (streaming) {
                for (byte[] chunk : streamed) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(chunk)));
                }
            } else {
                subscriber.onNext(List.of(ByteBuffer.wrap(OllamaPayloads.CHAT_RESPONSE)));
            }
            subscriber.onComplete();
            T body = subscriber.getBody().toCompletableFuture().join();
            return new InMemoryResponse<>(request, headers, body);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            try {
                return CompletableFuture.completedFuture(send(request, handler));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
            return sendAsync(request, handler);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public SSLParameters sslParameters() {
            return new SSLParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }

    private record InMemoryResponse<T>(HttpRequest request, HttpHeaders headers, T body)
            implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
