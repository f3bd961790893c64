package dev.genaiotel.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.ollama.internal.NdjsonStream;
import dev.genaiotel.ollama.internal.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A small typed client for Ollama's native API ({@code /api/chat}, {@code /api/generate}, {@code /api/embed}) over
 * {@link java.net.http.HttpClient}, usable on its own. Give it an instrumented client
 * ({@link OllamaTelemetry#wrap(HttpClient)}) to record telemetry.
 *
 * <pre>{@code
 * OllamaClient ollama = OllamaClient.builder()
 *         .httpClient(OllamaTelemetry.create(openTelemetry).wrap(HttpClient.newHttpClient()))
 *         .build();
 * ChatResponse answer = ollama.chat(ChatRequest.builder("llama3.2").message(ChatMessage.user("Hi")).build());
 * try (Stream<ChatResponse> chunks = ollama.chatStream(request)) {
 *     chunks.forEach(chunk -> System.out.print(chunk.message().content()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Failures are {@link OllamaModelNotFoundException},
 * {@link OllamaServerException} (Ollama's error message), {@link OllamaConnectionException} (server unreachable)
 * or, for anything else (I/O error mid-stream, malformed answer, interruption), {@link OllamaException}.
 */
public final class OllamaClient {

    /** Ollama's default address. */
    public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:11434");

    private final HttpClient httpClient;
    private final String baseUrl;
    private final Duration requestTimeout;

    private OllamaClient(Builder builder) {
        this.httpClient = builder.httpClient != null ? builder.httpClient : HttpClient.newHttpClient();
        String base = builder.baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requestTimeout = builder.requestTimeout;
    }

    /** A client of {@code http://localhost:11434} with a new {@link HttpClient}. */
    public static OllamaClient create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sends a chat and waits for the whole answer ({@code "stream": false}). */
    public ChatResponse chat(ChatRequest request) {
        return WireFormat.chatResponse(call("/api/chat", encode(() -> WireFormat.write(request, false))));
    }

    /**
     * Sends a chat and streams the answer chunk by chunk, as the server produces them; the last chunk has
     * {@code done == true}. Close the stream (try-with-resources) to release the connection early; a stream that
     * is dropped without closing is closed once garbage-collected.
     *
     * @throws OllamaException when the call fails before the first chunk; later failures are thrown by the
     *     stream's terminal operation
     */
    public Stream<ChatResponse> chatStream(ChatRequest request) {
        return stream("/api/chat", encode(() -> WireFormat.write(request, true)), WireFormat::chatResponse,
                ChatResponse::done);
    }

    /** Sends a prompt and waits for the whole completion ({@code "stream": false}). */
    public GenerateResponse generate(GenerateRequest request) {
        return WireFormat.generateResponse(call("/api/generate", encode(() -> WireFormat.write(request, false))));
    }

    /** Sends a prompt and streams the completion chunk by chunk; see {@link #chatStream(ChatRequest)}. */
    public Stream<GenerateResponse> generateStream(GenerateRequest request) {
        return stream("/api/generate", encode(() -> WireFormat.write(request, true)), WireFormat::generateResponse,
                GenerateResponse::done);
    }

    /** Embeds texts, one vector per input ({@code /api/embed}). */
    public EmbedResponse embed(EmbedRequest request) {
        return WireFormat.embedResponse(call("/api/embed", encode(() -> WireFormat.write(request))), true);
    }

    private JsonNode call(String path, byte[] body) {
        HttpResponse<byte[]> response = send(path, body, HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        if (response.statusCode() / 100 != 2) {
            throw serverError(response.statusCode(), bytes);
        }
        try {
            JsonNode node = WireFormat.parse(bytes, 0, bytes.length);
            String error = WireFormat.errorMessage(node);
            if (error != null) {
                throw new OllamaServerException(response.statusCode(), error);
            }
            return node;
        } catch (IOException e) {
            throw new OllamaException("Ollama sent a malformed answer to " + path, e);
        }
    }

    private <T> Stream<T> stream(String path, byte[] body, Function<JsonNode, T> parser,
            Predicate<T> last) {
        HttpResponse<InputStream> response = send(path, body, HttpResponse.BodyHandlers.ofInputStream());
        InputStream in = response.body();
        if (response.statusCode() / 100 != 2) {
            byte[] bytes;
            try (in) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                bytes = new byte[0];
            }
            throw serverError(response.statusCode(), bytes);
        }
        return NdjsonStream.of(in, response.statusCode(), parser, last);
    }

    private <T> HttpResponse<T> send(String path, byte[] body, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (requestTimeout != null) {
            request.timeout(requestTimeout);
        }
        try {
            return httpClient.send(request.build(), handler);
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw new OllamaConnectionException("Ollama is not reachable at " + baseUrl + ": " + e, e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new OllamaConnectionException("Ollama is not reachable at " + baseUrl + ": " + e, e);
            }
            throw new OllamaException("I/O failure calling Ollama at " + baseUrl + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OllamaException("Interrupted while calling Ollama at " + baseUrl + path, e);
        }
    }

    private static OllamaServerException serverError(int status, byte[] body) {
        String message = null;
        try {
            message = WireFormat.errorMessage(WireFormat.parse(body, 0, body.length));
        } catch (IOException | RuntimeException e) {
            // not Ollama's JSON error body: the status alone describes the failure
        }
        if (status == 404 && message != null && message.contains("not found")) {
            return new OllamaModelNotFoundException(message);
        }
        return new OllamaServerException(status, message);
    }

    private static byte[] encode(JsonWriter writer) {
        try {
            return writer.write();
        } catch (IOException e) {
            throw new OllamaException("Could not encode the request", e);
        }
    }

    @FunctionalInterface
    private interface JsonWriter {
        byte[] write() throws IOException;
    }

    /** Builds an {@link OllamaClient}; not thread-safe. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private HttpClient httpClient;
        private Duration requestTimeout;

        private Builder() {}

        /** The server's base URL; {@code http://localhost:11434} by default. */
        public Builder baseUrl(URI value) {
            baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /** The server's base URL; {@code http://localhost:11434} by default. */
        public Builder baseUrl(String value) {
            return baseUrl(URI.create(value));
        }

        /** The HTTP client, for instance an instrumented one; a new default client when not set. */
        public Builder httpClient(HttpClient value) {
            httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /** The timeout of each request until its response headers arrive; none by default. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** The client. */
        public OllamaClient build() {
            return new OllamaClient(this);
        }
    }
}
