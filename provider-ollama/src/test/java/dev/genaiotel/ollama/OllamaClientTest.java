package dev.genaiotel.ollama;

import static dev.genaiotel.ollama.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.ollama.OllamaStub.Answer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OllamaClient} over an instrumented client: typed results and errors, and the telemetry they produce. */
class OllamaClientTest {

    private static final Tool WEATHER = new Tool("get_current_weather", "Get the current weather for a location",
            Map.of("type", "object", "properties", Map.of("location", Map.of("type", "string")),
                    "required", List.of("location")));

    private final Telemetry telemetry = new Telemetry();
    private OllamaStub stub;
    private OllamaClient ollama;

    @BeforeEach
    void startStub() throws IOException {
        stub = new OllamaStub();
        ollama = client(ContentCapture.SPAN_ONLY);
    }

    private OllamaClient client(ContentCapture capture) {
        return OllamaClient.builder().baseUrl(stub.baseUrl())
                .httpClient(telemetry.ollama(capture).wrap(HttpClient.newHttpClient())).build();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void chatWithToolsAndImagesReturnsTheToolCallAndRecordsTheConversation() {
        stub.answer("POST", "/api/chat", Answer.json(200, Payloads.TOOL_CALL_RESPONSE));
        ChatRequest request = ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("What is the weather where this photo was taken?",
                        List.of(Payloads.PNG_BASE64)))
                .tool(WEATHER)
                .option("temperature", 0.0)
                .build();

        ChatResponse response = ollama.chat(request);

        assertThat(response.done()).isTrue();
        assertThat(response.message().toolCalls()).containsExactly(
                ToolCall.of("get_current_weather", Map.of("format", "celsius", "location", "Paris, FR")));
        assertThat(stub.requestBodies.get(0)).contains("\"stream\":false").contains("\"images\":[\"iVBOR");
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(122L);
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(33L);
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isEqualTo("[{\"role\":\"user\",\"parts\":["
                + "{\"type\":\"text\",\"content\":\"What is the weather where this photo was taken?\"},"
                + "{\"type\":\"blob\",\"mime_type\":\"image/png\",\"modality\":\"image\",\"content\":\""
                + Payloads.PNG_BASE64 + "\"}]}]");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"tool_call\",\"name\":\"get_current_weather\","
                + "\"arguments\":{\"format\":\"celsius\",\"location\":\"Paris, FR\"}}],\"finish_reason\":\"stop\"}]");
        assertThat(attribute(span, GEN_AI_TOOL_DEFINITIONS))
                .isEqualTo("[{\"type\":\"function\",\"name\":\"get_current_weather\"}]");
    }

    @Test
    void toolRoundTripHistoryIsRecordedAsToolCallAndToolCallResponseParts() {
        stub.answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE));
        ChatRequest request = ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Weather in Paris?"))
                .message(ChatMessage.assistant("", List.of(ToolCall.of("get_current_weather",
                        Map.of("location", "Paris, FR")))))
                .message(ChatMessage.tool("get_current_weather", "rainy, 14 degrees"))
                .tool(WEATHER)
                .build();

        ollama.chat(request);

        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_INPUT_MESSAGES)).isEqualTo("["
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"name\":\"get_current_weather\","
                + "\"arguments\":{\"location\":\"Paris, FR\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                + "\"response\":\"rainy, 14 degrees\"}]}]");
    }

    @Test
    void generateRecordsATextCompletionWithSystemInstructions() {
        stub.answer("POST", "/api/generate", Answer.json(200, Payloads.GENERATE_RESPONSE));

        GenerateResponse response = ollama.generate(GenerateRequest.of("llama3.2", "Why is the sky blue?")
                .withSystem("Answer like a physicist.").withOptions(Map.of("num_predict", 64)));

        assertThat(response.response()).isEqualTo("Rayleigh scattering.");
        assertThat(response.evalCount()).isEqualTo(282L);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("text_completion llama3.2");
        assertThat(attribute(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(64L);
        assertThat(attribute(span, GEN_AI_SYSTEM_INSTRUCTIONS))
                .isEqualTo("[{\"type\":\"text\",\"content\":\"Answer like a physicist.\"}]");
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Why is the sky blue?\"}]}]");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"text\",\"content\":\"Rayleigh scattering.\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void embedReturnsOneVectorPerInputAndRecordsAnEmbeddingsSpan() {
        stub.answer("POST", "/api/embed", Answer.json(200, Payloads.EMBED_RESPONSE));

        EmbedResponse response = ollama.embed(EmbedRequest.of("all-minilm", "Why is the sky blue?",
                "Why is the grass green?"));

        assertThat(response.embeddings()).hasSize(2);
        assertThat(response.embeddings().get(1)).containsExactly(-0.0098027075f, 0.06042469f, 0.025257962f);
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("all-minilm");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
    }

    @Test
    void chatStreamEndsTheSpanOnTheDoneChunkWithReasoningAndTextAccumulated() {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.THINKING_STREAM));

        String text;
        try (Stream<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder("qwen3:8b")
                .message(ChatMessage.user("Why is the sky blue?")).think(true).build())) {
            text = chunks.map(chunk -> chunk.message().content()).collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Rayleigh scattering.");
        assertThat(stub.requestBodies.get(0)).contains("\"think\":true").contains("\"stream\":true");
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(attribute(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("qwen3:8b");
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("length");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"reasoning\",\"content\":\"Light scatters more at short wavelengths.\"},"
                + "{\"type\":\"text\",\"content\":\"Rayleigh scattering.\"}],\"finish_reason\":\"length\"}]");
    }

    @Test
    void generateStreamWithoutContentCaptureRecordsMetadataOnly() {
        stub.answer("POST", "/api/generate", Answer.ndjson(Payloads.GENERATE_STREAM));
        OllamaClient quiet = client(ContentCapture.NO_CONTENT);

        String text;
        try (Stream<GenerateResponse> chunks = quiet.generateStream(GenerateRequest.of("llama3.2", "Why?"))) {
            text = chunks.map(GenerateResponse::response).collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Rayleigh scattering.");
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(282L);
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void chatStreamClosedEarlyEndsTheSpanWithWhatArrived() {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM).withDelay(300));

        try (Stream<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Why is the sky blue?")).build())) {
            assertThat(chunks.iterator().next().message().content()).isEqualTo("The");
            assertThat(telemetry.finished()).isEmpty();
        }

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"text\",\"content\":\"The\"}],\"finish_reason\":\"error\"}]");
    }

    @Test
    void chatStreamAbandonedWithoutCloseStillEndsTheSpanOnceCollected() {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM).withDelay(300));

        readOneChunkAndDropTheStream();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (telemetry.finished().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Telemetry.sleep(20);
        }
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("stream_abandoned");
    }

    private void readOneChunkAndDropTheStream() {
        Iterator<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Why is the sky blue?")).build()).iterator();
        assertThat(chunks.next().message().content()).isEqualTo("The");
    }

    @Test
    void chatStreamErrorLineThrowsOllamasMessageAndFailsTheSpan() {
        stub.answer("POST", "/api/chat", Answer.ndjson(List.of(Payloads.chunk("The"), Payloads.STREAM_ERROR)));

        try (Stream<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Why is the sky blue?")).build())) {
            assertThatThrownBy(() -> chunks.forEach(chunk -> { }))
                    .isInstanceOfSatisfying(OllamaServerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(200);
                        assertThat(e.errorMessage())
                                .isEqualTo("an error was encountered while running the model: unexpected EOF");
                    });
        }

        SpanData span = telemetry.awaitSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("stream_error");
    }

    @Test
    void malformedStreamLineThrowsFromTheStreamAndFailsTheSpanWithWhatArrived() {
        stub.answer("POST", "/api/chat", Answer.ndjson(List.of(Payloads.chunk("The"),
                "{\"model\":\"llama3.2\",\"mess", Payloads.CHAT_STREAM.get(3))).withDelay(300));

        try (Stream<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Why is the sky blue?")).build())) {
            assertThatThrownBy(() -> chunks.forEach(chunk -> { }))
                    .isExactlyInstanceOf(OllamaException.class)
                    .hasMessage("Ollama sent a malformed stream line");
        }

        SpanData span = telemetry.awaitSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo(OllamaException.class.getName());
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"text\",\"content\":\"The\"}],\"finish_reason\":\"error\"}]");
    }

    @Test
    void serverClosingMidStreamThrowsAnIoFailureAndFailsTheSpan() throws IOException {
        try (TruncatingServer server = new TruncatingServer(List.of(Payloads.chunk("The")))) {
            OllamaClient cut = OllamaClient.builder().baseUrl(server.uri("").toString())
                    .httpClient(telemetry.ollama().wrap(HttpClient.newHttpClient())).build();

            try (Stream<ChatResponse> chunks = cut.chatStream(ChatRequest.builder("llama3.2")
                    .message(ChatMessage.user("Why is the sky blue?")).build())) {
                Iterator<ChatResponse> iterator = chunks.iterator();
                assertThat(iterator.next().message().content()).isEqualTo("The");
                assertThatThrownBy(iterator::next).isExactlyInstanceOf(OllamaException.class)
                        .hasCauseInstanceOf(IOException.class);
            }

            SpanData span = telemetry.awaitSpan();
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attribute(span, ERROR_TYPE)).startsWith("java.io.");
        }
    }

    @Test
    void unknownModelThrowsModelNotFound() {
        stub.answer("POST", "/api/chat", Answer.json(404, Payloads.MODEL_NOT_FOUND));

        assertThatThrownBy(() -> ollama.chat(ChatRequest.builder("llama9").message(ChatMessage.user("Hi")).build()))
                .isInstanceOfSatisfying(OllamaModelNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.errorMessage()).isEqualTo("model \"llama9\" not found, try pulling it first");
                });
        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo("404");
    }

    @Test
    void unknownModelInAStreamingCallThrowsModelNotFoundBeforeTheFirstChunk() {
        stub.answer("POST", "/api/generate", Answer.json(404, Payloads.MODEL_NOT_FOUND));

        assertThatThrownBy(() -> ollama.generateStream(GenerateRequest.of("llama9", "Hi")))
                .isInstanceOf(OllamaModelNotFoundException.class);
        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo("404");
    }

    @Test
    void serverErrorThrowsWithOllamasMessage() {
        stub.answer("POST", "/api/generate", Answer.json(500, Payloads.RUNNER_KILLED));

        assertThatThrownBy(() -> ollama.generate(GenerateRequest.of("llama3.2", "Hi")))
                .isInstanceOfSatisfying(OllamaServerException.class, e -> {
                    assertThat(e).isNotInstanceOf(OllamaModelNotFoundException.class);
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("llama runner process has terminated: signal: killed");
                });
        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo("500");
    }

    @Test
    void unreachableServerThrowsConnectionException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OllamaClient unreachable = OllamaClient.builder().baseUrl("http://127.0.0.1:" + port)
                .httpClient(telemetry.ollama().wrap(HttpClient.newHttpClient())).build();

        assertThatThrownBy(() -> unreachable.embed(EmbedRequest.of("all-minilm", "Hi")))
                .isInstanceOf(OllamaConnectionException.class)
                .hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo("java.net.ConnectException");
    }

    @Test
    void clientWorksOnItsOwnWithoutTelemetry() {
        stub.answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE));
        OllamaClient plain = OllamaClient.builder().baseUrl(stub.baseUrl() + "/").build();

        ChatResponse response = plain.chat(ChatRequest.builder("llama3.2").message(ChatMessage.user("Hi")).build());

        assertThat(response.message().content()).isEqualTo("{\"answer\":\"Rayleigh scattering\"}");
        assertThat(response.doneReason()).isEqualTo("stop");
        assertThat(response.totalDuration()).isEqualTo(4883583458L);
        assertThat(telemetry.finished()).isEmpty();
    }
}
