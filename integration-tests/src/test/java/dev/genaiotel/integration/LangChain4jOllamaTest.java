package dev.genaiotel.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's real Ollama models ({@code langchain4j-ollama} 1.18.1, the newest on Maven Central, with
 * langchain4j-core 1.19.0) against a WireMock stand-in for Ollama's {@code /api/chat}, instrumented by the
 * LangChain4j listener and wrappers.
 */
class LangChain4jOllamaTest {

    private static final String CHAT = """
            {"model":"llama3.2","created_at":"2026-11-22T06:40:12.345678Z","message":{"role":"assistant",\
            "content":"The capital of France is Paris."},"done_reason":"stop","done":true,\
            "total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,\
            "prompt_eval_duration":383809000,"eval_count":9,"eval_duration":4799921000}""";

    private static final String CHAT_CUT_SHORT = """
            {"model":"llama3.2","created_at":"2026-11-22T06:40:14.002311Z","message":{"role":"assistant",\
            "content":"The capital of France is"},"done_reason":"length","done":true,\
            "total_duration":912344100,"load_duration":1954458,"prompt_eval_count":26,\
            "prompt_eval_duration":183809000,"eval_count":5,"eval_duration":714921000}""";

    private static final String STREAM = """
            {"model":"llama3.2","created_at":"2026-11-22T06:41:00.101Z","message":{"role":"assistant",\
            "content":"Par"},"done":false}
            {"model":"llama3.2","created_at":"2026-11-22T06:41:00.152Z","message":{"role":"assistant",\
            "content":"is."},"done":false}
            {"model":"llama3.2","created_at":"2026-11-22T06:41:00.201Z","message":{"role":"assistant",\
            "content":""},"done_reason":"stop","done":true,"total_duration":612454300,"load_duration":1721042,\
            "prompt_eval_count":31,"prompt_eval_duration":90123000,"eval_count":2,"eval_duration":101298000}
            """;

    private static final String MODEL_NOT_FOUND = """
            {"error":"model \\"llama9\\" not found, try pulling it first"}""";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private WireMockServer ollama;
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void start() {
        ollama = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ollama.start();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
    }

    @AfterEach
    void stop() {
        sdk.close();
        ollama.stop();
    }

    private LangChain4jTelemetry telemetry(ContentCapture capture) {
        return LangChain4jTelemetry.builder(GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(capture)
                .build()).build();
    }

    private void stubChat(int status, String contentType, String body) {
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private ChatModel chatModel(String modelName, List<ChatModelListener> listeners) {
        return OllamaChatModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName(modelName)
                .temperature(0.3)
                .topK(40)
                .topP(0.9)
                .numPredict(128)
                .stop(List.of("\n\n"))
                .maxRetries(0)
                .listeners(listeners)
                .build();
    }

    private StreamingChatModel streamingChatModel(List<ChatModelListener> listeners) {
        return OllamaStreamingChatModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("llama3.2")
                .temperature(0.3)
                .listeners(listeners)
                .build();
    }

    @Test
    void theListenerRecordsAnOllamaChatCallWithItsParametersTokensAndFinishReason() {
        stubChat(200, "application/json; charset=utf-8", CHAT);
        ChatModel model = chatModel("llama3.2", List.of(telemetry(ContentCapture.NO_CONTENT).chatModelListener()));

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from("Answer in one sentence."), UserMessage.from("Capital of France?"))
                .build());

        assertThat(model.provider()).isEqualTo(ModelProvider.OLLAMA);
        assertThat(response.aiMessage().text()).isEqualTo("The capital of France is Paris.");
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(equalToJson(
                "{\"model\":\"llama3.2\",\"stream\":false,\"options\":{\"temperature\":0.3,\"top_k\":40,"
                        + "\"top_p\":0.9,\"num_predict\":128,\"stop\":[\"\\n\\n\"]}}", true, true)));
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getName()).isEqualTo("chat llama3.2");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME))
                .as("ModelProvider.OLLAMA").isEqualTo("ollama");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.3);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_TOP_K)).isEqualTo(40L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_TOP_P)).isEqualTo(0.9);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS))
                .as("num_predict").isEqualTo(128L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES)).containsExactly("\n\n");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_MODEL)).isEqualTo("llama3.2");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_ID)).as("Ollama has no response id")
                .isNull();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS))
                .as("prompt_eval_count").isEqualTo(26L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS))
                .as("eval_count").isEqualTo(9L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_INPUT_MESSAGES)).as("content capture is off")
                .isNull();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();

        HistogramPointData duration = onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name());
        assertThat(duration.getCount()).isEqualTo(1);
        assertThat(duration.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(duration.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS.name()).getSum())
                .isEqualTo(26.0);
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS.name()).getSum())
                .isEqualTo(9.0);
    }

    @Test
    void anAnswerCutShortByNumPredictHasTheLengthFinishReason() {
        stubChat(200, "application/json; charset=utf-8", CHAT_CUT_SHORT);
        ChatModel model = chatModel("llama3.2", List.of(telemetry(ContentCapture.NO_CONTENT).chatModelListener()));

        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from("Capital of France?"))
                .build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS))
                .containsExactly("length");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(5L);
    }

    @Test
    void theListenerEndsAStreamedCallsSpanOnTheStreamsThreadWithTheFinalLinesCounts() throws Exception {
        stubChat(200, "application/x-ndjson", STREAM);
        StreamingChatModel model = streamingChatModel(
                List.of(telemetry(ContentCapture.SPAN_ONLY).chatModelListener()));

        StreamResult result = stream(model, ChatRequest.builder()
                .messages(SystemMessage.from("Answer in one word."), UserMessage.from("Capital of France?"))
                .build());

        assertThat(result.response.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Paris.");
        assertThat(result.partials).containsExactly("Par", "is.");
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(equalToJson("{\"model\":\"llama3.2\",\"stream\":true}", true, true)));
        SpanData span = awaitOneSpan();
        assertThat(span.getName()).isEqualTo("chat llama3.2");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(31L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_INPUT_MESSAGES)).as("system messages stay here")
                .isEqualTo("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Answer in one word.\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Capital of France?\"}]}]");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris.\"}],"
                        + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void theWrappedStreamingModelRecordsTheStreamFlagAndTimeToFirstChunk() throws Exception {
        stubChat(200, "application/x-ndjson", STREAM);
        LangChain4jTelemetry telemetry = telemetry(ContentCapture.NO_CONTENT);
        StreamingChatModel model = telemetry.wrap(streamingChatModel(List.of(telemetry.chatModelListener())));

        StreamResult result = stream(model, ChatRequest.builder().messages(UserMessage.from("Capital of France?"))
                .build());

        assertThat(result.response.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Paris.");
        assertThat(result.partials).containsExactly("Par", "is.");
        SpanData span = awaitOneSpan();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull()
                .isPositive()
                .isLessThanOrEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(31L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        HistogramPointData firstChunk = onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK.name());
        assertThat(firstChunk.getCount()).isEqualTo(1);
        assertThat(firstChunk.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name()).getCount()).isEqualTo(1);
    }

    @Test
    void aModelOllamaDoesNotHaveFailsTheSpanWithTheHttpStatusAndTheApplicationGetsTheSameException() {
        stubChat(404, "application/json; charset=utf-8", MODEL_NOT_FOUND);
        ChatModel bare = chatModel("llama9", List.of());
        RuntimeException expected = failure(() -> bare.chat("Capital of France?"));
        ChatModel model = chatModel("llama9", List.of(telemetry(ContentCapture.NO_CONTENT).chatModelListener()));

        RuntimeException failure = failure(() -> model.chat("Capital of France?"));

        assertThat(failure).hasSameClassAs(expected).hasMessage(expected.getMessage())
                .hasMessageContaining("not found");
        assertThat(failure).hasCauseInstanceOf(HttpException.class);
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getName()).isEqualTo("chat llama9");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("404");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("ollama");
        HistogramPointData duration = onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name());
        assertThat(duration.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("404");
        assertThat(metrics.collectAllMetrics()).extracting(MetricData::getName)
                .as("no token usage for a failed call").doesNotContain(
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS.name(),
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS.name());
    }

    @Test
    void aFailedStreamFailsTheSpanAndTheHandlerStillGetsTheError() throws Exception {
        stubChat(404, "application/json; charset=utf-8", MODEL_NOT_FOUND);
        LangChain4jTelemetry telemetry = telemetry(ContentCapture.NO_CONTENT);
        StreamingChatModel model = telemetry.wrap(streamingChatModel(List.of(telemetry.chatModelListener())));

        StreamResult result = stream(model, ChatRequest.builder().messages(UserMessage.from("Capital of France?"))
                .build());

        ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                () -> result.response.get(10, TimeUnit.SECONDS));
        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).hasMessageContaining("not found");
        SpanData span = awaitOneSpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("404");
    }

    private static StreamResult stream(StreamingChatModel model, ChatRequest request) {
        StreamResult result = new StreamResult();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                result.partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                result.response.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                result.response.completeExceptionally(error);
            }
        });
        return result;
    }

    private static final class StreamResult {
        final List<String> partials = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> response = new CompletableFuture<>();
    }

    private SpanData awaitOneSpan() throws InterruptedException {
        return Readback.awaitOneSpan(spans, Duration.ofMillis(100), "one span per call");
    }

    private List<HistogramPointData> points(String name) {
        return Readback.points(metrics, name);
    }

    private HistogramPointData onlyPoint(String name) {
        return Readback.onlyPoint(metrics, name);
    }

    private static RuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("the call did not fail");
    }
}
