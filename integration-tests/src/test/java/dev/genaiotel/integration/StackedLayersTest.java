package dev.genaiotel.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialStreamingChatModel;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's own model on openai-java ({@code langchain4j-open-ai-official}) over an openai-java client that
 * provider-openai instruments, with the LangChain4j wrapper and listener attached too: three layers, one inference
 * span and one set of metric points per model call, carrying what each layer knows.
 */
class StackedLayersTest {

    private static final String COMPLETION = """
            {"id":"chatcmpl-stacked-1","object":"chat.completion","created":1763806530,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"Paris.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14,\
            "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":\
            {"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
            "rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_560af6e559"}""";

    private static final String RATE_LIMITED = """
            {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-123 on requests per min.",\
            "type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private WireMockServer openAiServer;
    private OpenTelemetrySdk sdk;
    private GenAiTelemetry telemetry;
    private LangChain4jTelemetry langChain4j;
    private OpenAIClient openAi;
    private OpenAIClientAsync openAiAsync;

    @BeforeEach
    void start() {
        openAiServer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        openAiServer.start();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        telemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .build();
        langChain4j = LangChain4jTelemetry.builder(telemetry).build();
        OpenAITelemetry openAiTelemetry = OpenAITelemetry.builder(telemetry).build();
        openAi = openAiTelemetry.wrap(OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl())
                .apiKey("sk-test")
                .maxRetries(0)
                .build());
        openAiAsync = openAiTelemetry.wrap(OpenAIOkHttpClientAsync.builder()
                .baseUrl(baseUrl())
                .apiKey("sk-test")
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        openAi.close();
        openAiAsync.close();
        sdk.close();
        openAiServer.stop();
    }

    private String baseUrl() {
        return openAiServer.baseUrl() + "/v1";
    }

    private void stubCompletion(int status, String body) {
        openAiServer.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ChatModel chatModel(List<ChatModelListener> listeners) {
        return new ClientInjectedChatModel(OpenAiOfficialChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey("sk-unused")
                .modelName("gpt-4o-mini")
                .temperature(0.2)
                .maxRetries(0)
                .listeners(listeners), openAi);
    }

    private StreamingChatModel streamingChatModel(List<ChatModelListener> listeners) {
        return new ClientInjectedStreamingChatModel(OpenAiOfficialStreamingChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey("sk-unused")
                .modelName("gpt-4o-mini")
                .temperature(0.2)
                .maxRetries(0)
                .listeners(listeners), openAiAsync);
    }

    @Test
    void aChatCallThroughAllThreeLayersMakesOneSpanWithWhatEachLayerKnows() {
        stubCompletion(200, COMPLETION);
        ChatModel model = langChain4j.wrap(chatModel(List.of(langChain4j.chatModelListener())));

        String answer = model.chat("Capital of France?");

        assertThat(answer).isEqualTo("Paris.");
        openAiServer.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2}", true, true)));
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).as("one inference span, not one per layer").hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE))
                .as("the model's default parameters, applied by the LangChain4j layer").isEqualTo(0.2);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-stacked-1");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_MODEL))
                .isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Capital of France?\"}]}]");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris.\"}],"
                        + "\"finish_reason\":\"stop\"}]");
        assertOpenAiLayerEnriched(span);
        assertThat(span.getAttributes().asMap().values()).as("the API key is never recorded")
                .noneMatch(value -> String.valueOf(value).contains("sk-test"));

        HistogramPointData duration = onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name());
        assertThat(duration.getCount()).isEqualTo(1);
        assertThat(duration.getAttributes().get(GenAiAttributes.SERVER_ADDRESS)).isEqualTo("localhost");
        HistogramPointData input = onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS.name());
        HistogramPointData output =
                onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS.name());
        assertThat(List.of(input, output)).as("one input and one output point, each counted once")
                .allSatisfy(point -> assertThat(point.getCount()).isEqualTo(1))
                .extracting(HistogramPointData::getSum)
                .containsExactly(12.0, 2.0);
    }

    @Test
    void aStreamedCallThroughAllThreeLayersMakesOneSpanWithTimeToFirstChunk() throws Exception {
        openAiServer.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(sse(
                        chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
                        chunk("{\"content\":\"Par\"}", null),
                        chunk("{\"content\":\"is.\"}", null),
                        chunk("{}", "stop"),
                        "{\"id\":\"chatcmpl-stream-1\",\"object\":\"chat.completion.chunk\",\"created\":1763806531,"
                                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                                + "\"system_fingerprint\":\"fp_560af6e559\",\"choices\":[],\"usage\":{"
                                + "\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}"))));
        StreamingChatModel model = langChain4j.wrap(streamingChatModel(List.of(langChain4j.chatModelListener())));

        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> outcome = new CompletableFuture<>();
        model.chat("Capital of France?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                outcome.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                outcome.completeExceptionally(error);
            }
        });

        assertThat(outcome.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Paris.");
        assertThat(partials).containsExactly("Par", "is.");
        openAiServer.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("{\"model\":\"gpt-4o-mini\",\"stream\":true}", true, true)));
        SpanData span = awaitOneSpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull()
                .isPositive()
                .isLessThanOrEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-stream-1");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris.\"}],"
                        + "\"finish_reason\":\"stop\"}]");
        assertOpenAiLayerEnriched(span);

        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name()).getCount()).isEqualTo(1);
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK.name()).getCount())
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("try") // the framework's span is current while the client streams
    void aStreamOnlyTheClientUnderneathSeesChunkByChunkStillTimesTheOneSpan() throws Exception {
        openAiServer.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(sse(
                        chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
                        chunk("{\"content\":\"Par\"}", null),
                        chunk("{\"content\":\"is.\"}", null),
                        chunk("{}", "stop")))));
        // A framework layer that records the inference but is handed the whole answer at once, as a framework
        // calling a streaming client for its own non-streaming API does.
        Inference framework = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o-mini").build());
        StringBuilder answer = new StringBuilder();
        try (var ignored = framework.makeCurrent();
                StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(
                        ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Capital?").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(
                    choice -> choice.delta().content().ifPresent(answer::append)));
        }
        framework.end(InferenceResponse.empty());

        assertThat(answer).hasToString("Paris.");
        SpanData span = awaitOneSpan();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull()
                .isPositive()
                .isLessThanOrEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK.name()).getCount())
                .isEqualTo(1);
        assertThat(onlyPoint(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK.name()).getCount())
                .isEqualTo(3);
    }

    @Test
    void aFailedCallThroughAllThreeLayersMakesOneFailedSpanAndTheApplicationGetsItsException() {
        stubCompletion(429, RATE_LIMITED);
        ChatModel model = langChain4j.wrap(chatModel(List.of(langChain4j.chatModelListener())));
        ChatModel bare = chatModel(List.of());
        Throwable expected = catchFailure(() -> bare.chat("Capital of France?"));
        spans.reset();

        Throwable failure = catchFailure(() -> model.chat("Capital of France?"));

        assertThat(failure).as("the same exception as without instrumentation").isInstanceOf(RateLimitException.class)
                .hasSameClassAs(expected).hasMessage(expected.getMessage());
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).as("one failed inference span").hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        // The nested openai-java layer knows the HTTP status and the server; the outer span carries both.
        assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("429");
        assertThat(span.getAttributes().get(GenAiAttributes.SERVER_ADDRESS)).isEqualTo("localhost");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    }

    @Test
    void theOpenAiClientAloneStillMakesItsOwnSpan() {
        stubCompletion(200, COMPLETION);

        openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Capital of France?").build());

        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.SERVER_ADDRESS))
                .isEqualTo("localhost");
    }

    /** What only the openai-java layer sees: the server, and OpenAI's own response fields. */
    private void assertOpenAiLayerEnriched(SpanData span) {
        assertThat(span.getAttributes().get(GenAiAttributes.SERVER_ADDRESS))
                .as("only the openai-java layer knows the server; it enriches the outer span")
                .isEqualTo("localhost");
        assertThat(span.getAttributes().get(GenAiAttributes.SERVER_PORT)).isEqualTo((long) openAiServer.port());
        assertThat(span.getAttributes().get(GenAiAttributes.OPENAI_API_TYPE)).isEqualTo("chat_completions");
        assertThat(span.getAttributes().get(GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT))
                .isEqualTo("fp_560af6e559");
    }

    private SpanData awaitOneSpan() throws InterruptedException {
        // A second span, if a layer made one, ends on the stream's thread right after the first: give it the chance.
        return Readback.awaitOneSpan(spans, Duration.ofMillis(200), "one inference span, not one per layer");
    }

    private List<HistogramPointData> points(String name) {
        return Readback.points(metrics, name);
    }

    private HistogramPointData onlyPoint(String name) {
        return Readback.onlyPoint(metrics, name);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-stream-1\",\"object\":\"chat.completion.chunk\",\"created\":1763806531,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_560af6e559\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
                + "}],\"usage\":null}";
    }

    private static String sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    /**
     * The real {@link OpenAiOfficialChatModel}, calling the given openai-java client. Its builder's
     * {@code openAIClient(...)} is the documented way, but in 1.11.0-beta19 (the newest version on Maven Central here)
     * a model built with it skips its own initialisation: {@code defaultRequestParameters()} returns null and
     * LangChain4j's {@code ChatModel.chat} fails with a NullPointerException (langchain4j issue 5545, fixed by pull
     * request 5548 in a later release). So the model is built as usual and its protected client field is replaced.
     */
    private static final class ClientInjectedChatModel extends OpenAiOfficialChatModel {

        ClientInjectedChatModel(OpenAiOfficialChatModel.Builder builder, OpenAIClient client) {
            super(builder);
            OpenAIClient own = this.client;
            this.client = client;
            own.close();
        }
    }

    /** The real {@link OpenAiOfficialStreamingChatModel} on the given client; see {@link ClientInjectedChatModel}. */
    private static final class ClientInjectedStreamingChatModel extends OpenAiOfficialStreamingChatModel {

        ClientInjectedStreamingChatModel(OpenAiOfficialStreamingChatModel.Builder builder, OpenAIClientAsync client) {
            super(builder);
            OpenAIClientAsync own = this.asyncClient;
            this.asyncClient = client;
            own.close();
        }
    }
}
