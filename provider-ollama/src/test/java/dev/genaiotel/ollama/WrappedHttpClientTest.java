package dev.genaiotel.ollama;

import static dev.genaiotel.ollama.Payloads.seconds;
import static dev.genaiotel.ollama.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_SEED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.ollama.OllamaStub.Answer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The instrumented {@link HttpClient}: what it records, and that the application sees what the raw client gives. */
class WrappedHttpClientTest {

    private final Telemetry telemetry = new Telemetry();
    private final HttpClient raw = HttpClient.newHttpClient();
    private final HttpClient wrapped = telemetry.ollama().wrap(raw);
    private OllamaStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new OllamaStub()
                .answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE))
                .answer("POST", "/api/generate", Answer.ndjson(Payloads.GENERATE_STREAM))
                .answer("POST", "/api/embed", Answer.json(200, Payloads.EMBED_RESPONSE))
                .answer("POST", "/api/embeddings", Answer.json(200, Payloads.LEGACY_EMBEDDINGS_RESPONSE))
                .answer("GET", "/api/tags", Answer.json(200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}"));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(stub.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void chatThroughOfStringRecordsTheRequestAndResponseAttributes() throws Exception {
        HttpRequest request = post("/api/chat", Payloads.CHAT_REQUEST);

        HttpResponse<String> response = wrapped.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo(raw.send(request, HttpResponse.BodyHandlers.ofString()).body());
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("chat llama3.2");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attribute(span, GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(attribute(span, SERVER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(attribute(span, SERVER_PORT)).isEqualTo((long) stub.port());
        assertThat(attribute(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
        assertThat(attribute(span, GEN_AI_REQUEST_TOP_P)).isEqualTo(0.9);
        assertThat(attribute(span, GEN_AI_REQUEST_TOP_K)).isEqualTo(40L);
        assertThat(attribute(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(128L);
        assertThat(attribute(span, GEN_AI_REQUEST_SEED)).isEqualTo(42L);
        assertThat(attribute(span, GEN_AI_REQUEST_STOP_SEQUENCES)).containsExactly("\n\n", "User:");
        assertThat(attribute(span, GEN_AI_REQUEST_PRESENCE_PENALTY)).isEqualTo(0.5);
        assertThat(attribute(span, GEN_AI_REQUEST_FREQUENCY_PENALTY)).isEqualTo(0.25);
        assertThat(attribute(span, OllamaAttributes.REQUEST_REPEAT_PENALTY)).isEqualTo(1.1);
        assertThat(attribute(span, OllamaAttributes.REQUEST_NUM_CTX)).isEqualTo(8192L);
        assertThat(attribute(span, GEN_AI_OUTPUT_TYPE)).isEqualTo("json");
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(attribute(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("llama3.2");
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(26L);
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
        assertThat(attribute(span, OllamaAttributes.RESPONSE_TOTAL_DURATION)).isEqualTo(seconds(4883583458L));
        assertThat(attribute(span, OllamaAttributes.RESPONSE_LOAD_DURATION)).isEqualTo(seconds(1334875L));
        assertThat(attribute(span, OllamaAttributes.RESPONSE_PROMPT_EVAL_DURATION)).isEqualTo(seconds(342546000L));
        assertThat(attribute(span, OllamaAttributes.RESPONSE_EVAL_DURATION)).isEqualTo(seconds(4535599000L));
        assertThat(attribute(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
    }

    @Test
    void streamedChatThroughOfLinesRecordsTimeToFirstChunkAndEndsOnTheDoneChunk() throws Exception {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM));
        HttpRequest request = post("/api/chat", Payloads.CHAT_STREAM_REQUEST);

        List<String> lines;
        try (Stream<String> body = wrapped.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            lines = body.collect(Collectors.toList());
        }

        try (Stream<String> body = raw.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            assertThat(lines).isEqualTo(body.collect(Collectors.toList())).isEqualTo(Payloads.CHAT_STREAM);
        }
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(26L);
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
        assertThat(attribute(span, OllamaAttributes.RESPONSE_EVAL_DURATION)).isEqualTo(seconds(4535599000L));
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void streamedGenerateThroughOfPublisherDeliversTheSameBytesAsTheRawClient() throws Exception {
        HttpRequest request = post("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"Why is the sky blue?\"}");

        byte[] observed = collect(wrapped.send(request, HttpResponse.BodyHandlers.ofPublisher()).body());

        assertThat(observed).isEqualTo(collect(raw.send(request, HttpResponse.BodyHandlers.ofPublisher()).body()));
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("text_completion llama3.2");
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("text_completion");
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
    }

    @Test
    void streamedChatThroughOfInputStreamEndsTheSpanWhenTheBodyIsClosedEarly() throws Exception {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM).withDelay(300));
        HttpRequest request = post("/api/chat", Payloads.CHAT_STREAM_REQUEST);

        InputStream body = wrapped.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
        byte[] first = body.readNBytes(Payloads.CHAT_STREAM.get(0).length() + 1);
        assertThat(telemetry.finished()).isEmpty();
        body.close();

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(Payloads.CHAT_STREAM.get(0) + "\n");
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
        assertThat(attribute(span, ERROR_TYPE)).isNull();
    }

    @Test
    void errorLineInsideAStreamEndsTheSpanAsFailedAndTheApplicationStillGetsEveryLine() throws Exception {
        List<String> answer = List.of(Payloads.chunk("The"), Payloads.STREAM_ERROR);
        stub.answer("POST", "/api/chat", Answer.ndjson(answer));
        HttpRequest request = post("/api/chat", Payloads.CHAT_STREAM_REQUEST);

        String body = wrapped.send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo(raw.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo(String.join("\n", answer) + "\n");
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("stream_error");
        assertThat(Telemetry.exception(span).getAttributes().get(AttributeKey.stringKey("exception.message")))
                .isEqualTo("an error was encountered while running the model: unexpected EOF");
    }

    @Test
    void malformedLineDegradesTelemetryButNeitherTheResponseNorTheSpanEnd() throws Exception {
        List<String> answer = new ArrayList<>(Payloads.CHAT_STREAM);
        answer.add(1, "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assis");
        answer.add(2, "not json at all }{");
        stub.answer("POST", "/api/chat", Answer.ndjson(answer));
        HttpRequest request = post("/api/chat", Payloads.CHAT_STREAM_REQUEST);

        List<String> lines;
        try (Stream<String> body = wrapped.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            lines = body.collect(Collectors.toList());
        }

        assertThat(lines).isEqualTo(answer);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
    }

    @Test
    void lineLongerThanTheLimitIsSkippedByTelemetryOnly() throws Exception {
        HttpClient limited = telemetry.builder(ContentCapture.NO_CONTENT).setMaxLineBytes(64).build().wrap(raw);
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM));
        HttpRequest request = post("/api/chat", Payloads.CHAT_STREAM_REQUEST);

        String body = limited.send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo(String.join("\n", Payloads.CHAT_STREAM) + "\n");
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("incomplete_stream");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
    }

    @Test
    void serverClosingMidStreamFailsTheSpanWithTheExceptionTheApplicationSees() throws Exception {
        try (TruncatingServer server = new TruncatingServer(List.of(Payloads.chunk("The"), Payloads.chunk(" sky")))) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/api/chat"))
                    .POST(HttpRequest.BodyPublishers.ofString(Payloads.CHAT_STREAM_REQUEST)).build();
            Throwable rawFailure = catchFailure(() -> raw.send(request, HttpResponse.BodyHandlers.ofString()));

            Throwable failure = catchFailure(() -> wrapped.send(request, HttpResponse.BodyHandlers.ofString()));

            assertThat(failure).isNotNull().hasSameClassAs(rawFailure);
            assertThat(failure.getMessage()).isEqualTo(rawFailure.getMessage());
            SpanData span = telemetry.awaitSpan();
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attribute(span, ERROR_TYPE)).startsWith("java.io.").isIn(
                    rawFailure.getClass().getName(), rawFailure.getCause() == null ? ""
                            : rawFailure.getCause().getClass().getName());
        }
    }

    @Test
    void modelNotFoundRecordsTheStatusCodeAndOllamasMessage() throws Exception {
        stub.answer("POST", "/api/chat", Answer.json(404, Payloads.MODEL_NOT_FOUND));
        HttpRequest request = post("/api/chat", "{\"model\":\"llama9\",\"messages\":[],\"stream\":false}");

        HttpResponse<String> response = wrapped.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(Payloads.MODEL_NOT_FOUND);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("404");
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("llama9");
        assertThat(Telemetry.exception(span).getAttributes().get(AttributeKey.stringKey("exception.message")))
                .isEqualTo("model \"llama9\" not found, try pulling it first");
        assertThat(Telemetry.exception(span).getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo(OllamaModelNotFoundException.class.getName());
    }

    @Test
    void serverErrorRecordsTheStatusCodeAndOllamasMessage() throws Exception {
        stub.answer("POST", "/api/generate", Answer.json(500, Payloads.RUNNER_KILLED));
        HttpRequest request = post("/api/generate", Payloads.GENERATE_REQUEST);

        HttpResponse<byte[]> response = wrapped.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo(Payloads.RUNNER_KILLED.getBytes(StandardCharsets.UTF_8));
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("500");
        assertThat(Telemetry.exception(span).getAttributes().get(AttributeKey.stringKey("exception.message")))
                .isEqualTo("llama runner process has terminated: signal: killed");
    }

    @Test
    void connectionRefusedFailsTheSpanWithTheExceptionClassAndRethrowsTheSameException() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + unusedPort() + "/api/chat");
        HttpRequest request = HttpRequest.newBuilder(nobody)
                .POST(HttpRequest.BodyPublishers.ofString(Payloads.CHAT_STREAM_REQUEST)).build();

        assertThatThrownBy(() -> wrapped.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo(ConnectException.class.getName());
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void asyncConnectionRefusedCompletesTheSameWayAsTheRawClient() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + unusedPort() + "/api/chat");
        HttpRequest request = HttpRequest.newBuilder(nobody)
                .POST(HttpRequest.BodyPublishers.ofString(Payloads.CHAT_STREAM_REQUEST)).build();

        CompletableFuture<HttpResponse<String>> future =
                wrapped.sendAsync(request, HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo(ConnectException.class.getName());
    }

    @Test
    void asyncChatRecordsTheSameSpanAsASynchronousOne() throws Exception {
        HttpResponse<String> response = wrapped.sendAsync(post("/api/chat", Payloads.CHAT_REQUEST),
                HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

        assertThat(response.body()).isEqualTo(Payloads.CHAT_RESPONSE);
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(26L);
    }

    @Test
    void embedRecordsAnEmbeddingsSpan() throws Exception {
        HttpRequest request = post("/api/embed", Payloads.EMBED_REQUEST);

        String body = wrapped.send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo(Payloads.EMBED_RESPONSE);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("embeddings all-minilm");
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(attribute(span, GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(attribute(span, GEN_AI_EMBEDDINGS_DIMENSION_COUNT)).isEqualTo(3L);
        assertThat(attribute(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("all-minilm");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
        assertThat(attribute(span, OllamaAttributes.RESPONSE_TOTAL_DURATION)).isEqualTo(seconds(14143917L));
    }

    @Test
    void legacyEmbeddingsEndpointRecordsAnEmbeddingsSpan() throws Exception {
        String body = wrapped.send(post("/api/embeddings", Payloads.LEGACY_EMBEDDINGS_REQUEST),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo(Payloads.LEGACY_EMBEDDINGS_RESPONSE);
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("all-minilm");
    }

    @Test
    void nonOllamaRequestsPassThroughWithoutASpan() throws Exception {
        HttpRequest tags = HttpRequest.newBuilder(stub.uri("/api/tags")).GET().build();
        HttpRequest getChat = HttpRequest.newBuilder(stub.uri("/api/chat")).GET().build();

        HttpResponse<String> response = wrapped.send(tags, HttpResponse.BodyHandlers.ofString());
        wrapped.send(getChat, HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo(raw.send(tags, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(response.statusCode()).isEqualTo(200);
        Telemetry.sleep(50);
        assertThat(telemetry.finished()).isEmpty();
    }

    @Test
    void oneShotRequestBodyIsNeverConsumedAndTheSpanHasNoRequestDetails() throws Exception {
        byte[] json = Payloads.CHAT_REQUEST.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(stub.uri("/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json) {
                    private boolean opened;

                    @Override
                    public synchronized int read(byte[] b, int off, int len) {
                        opened = true;
                        return super.read(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        if (!opened) {
                            throw new IOException("closed before reading");
                        }
                        super.close();
                    }
                })).build();

        String body = wrapped.send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo(Payloads.CHAT_RESPONSE);
        assertThat(stub.requestBodies).containsExactly(Payloads.CHAT_REQUEST);
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isNull();
        assertThat(attribute(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("llama3.2");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
    }

    @Test
    void noopOpenTelemetryRecordsNothingAndChangesNothing() throws Exception {
        HttpClient noop = OllamaTelemetry.create(OpenTelemetry.noop()).wrap(raw);
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM));

        List<String> lines;
        try (Stream<String> body = noop.send(post("/api/chat", Payloads.CHAT_STREAM_REQUEST),
                HttpResponse.BodyHandlers.ofLines()).body()) {
            lines = body.collect(Collectors.toList());
        }

        assertThat(lines).isEqualTo(Payloads.CHAT_STREAM);
        assertThat(telemetry.finished()).isEmpty();
    }

    @Test
    void everyClientSettingIsTheWrappedClients() {
        HttpClient configured = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();

        HttpClient instrumented = telemetry.ollama().wrap(configured);

        assertThat(instrumented.connectTimeout()).isEqualTo(configured.connectTimeout());
        assertThat(instrumented.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
        assertThat(instrumented.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(instrumented.proxy()).isEqualTo(configured.proxy());
        assertThat(instrumented.cookieHandler()).isEqualTo(configured.cookieHandler());
        assertThat(instrumented.authenticator()).isEqualTo(configured.authenticator());
        assertThat(instrumented.executor()).isEqualTo(configured.executor());
        assertThat(instrumented.sslContext()).isSameAs(configured.sslContext());
        assertThat(telemetry.ollama().wrap(instrumented)).isSameAs(instrumented);
    }

    private static byte[] collect(Flow.Publisher<List<ByteBuffer>> publisher) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                for (ByteBuffer buffer : item) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toByteArray());
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Throwable catchFailure(Call call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
