package dev.genaiotel.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.genaiotel.ollama.OllamaTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The instrumented {@link HttpClient} of provider-ollama against the raw one, both calling a local Ollama stand-in
 * (the JDK's HTTP server on loopback) with the real wire format. Targets (issue 8): the added cost of a
 * non-streaming chat at most 10% of the raw round trip, and at most 200 ns per NDJSON chunk:
 * {@code (wrappedStream - rawStream - (wrappedChat - rawChat)) / chunks}.
 *
 * <p>The SDK records every span (always-on sampling) to an exporter that drops them, and metrics to a reader that
 * exports nowhere, so the whole recording path is measured; content capture is off (the default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class OllamaBenchmark {

    /** NDJSON chunks per streamed answer, the last one included. */
    @Param({"100"})
    public int chunks;

    private HttpServer server;
    private ExecutorService executor;
    private OpenTelemetrySdk sdk;
    private HttpClient raw;
    private HttpClient wrapped;
    private HttpRequest chat;
    private HttpRequest stream;

    @Setup(Level.Trial)
    public void start() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK, and
        // every round trip takes 40 ms of waiting instead of microseconds of work.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat", this::answer);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.start();
        sdk = BenchmarkSdk.discarding();
        raw = HttpClient.newHttpClient();
        wrapped = OllamaTelemetry.create(sdk).wrap(raw);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/chat");
        chat = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"Why is the sky blue?\"}],\"options\":{\"temperature\":0.2},"
                        + "\"stream\":false}"))
                .build();
        stream = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"Why is the sky blue?\"}],\"options\":{\"temperature\":0.2}}"))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        sdk.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"stream\":false")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, OllamaPayloads.CHAT_RESPONSE.length);
                exchange.getResponseBody().write(OllamaPayloads.CHAT_RESPONSE);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 1; i < chunks; i++) {
                out.write(OllamaPayloads.CHUNK);
                out.flush();
            }
            out.write(OllamaPayloads.LAST_CHUNK);
        }
    }

    /** A non-streaming chat through the raw client. */
    @Benchmark
    public String rawChat() throws Exception {
        return raw.send(chat, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A non-streaming chat through the instrumented client. */
    @Benchmark
    public String wrappedChat() throws Exception {
        return wrapped.send(chat, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A streamed chat of {@link #chunks} NDJSON lines through the raw client. */
    @Benchmark
    public String rawStream() throws Exception {
        return raw.send(stream, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A streamed chat of {@link #chunks} NDJSON lines through the instrumented client. */
    @Benchmark
    public String wrappedStream() throws Exception {
        return wrapped.send(stream, HttpResponse.BodyHandlers.ofString()).body();
    }
}
