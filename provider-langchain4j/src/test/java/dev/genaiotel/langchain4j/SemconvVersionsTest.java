package dev.genaiotel.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.testsupport.SemconvSignals.assertEmbeddingsMetrics;
import static dev.genaiotel.testsupport.SemconvSignals.assertFailedEmbeddings;
import static dev.genaiotel.testsupport.SemconvSignals.assertFailedInference;
import static dev.genaiotel.testsupport.SemconvSignals.assertInferenceMetrics;
import static dev.genaiotel.testsupport.SemconvSignals.assertOneDetailsEvent;
import static dev.genaiotel.testsupport.SemconvSignals.assertSameHistogram;
import static dev.genaiotel.testsupport.SemconvSignals.byName;
import static dev.genaiotel.testsupport.SemconvSignals.counterTotal;
import static dev.genaiotel.testsupport.SemconvSignals.embeddingsMetricNames;
import static dev.genaiotel.testsupport.SemconvSignals.inferenceMetricNames;
import static dev.genaiotel.testsupport.SemconvSignals.operationTokens;
import static dev.genaiotel.testsupport.SemconvSignals.with;
import static dev.genaiotel.testsupport.SemconvSignals.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import dev.genaiotel.testsupport.SemconvSignals.Setting;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each setting of {@code otel.instrumentation.genai.semconv-version} makes LangChain4j's OpenAI models emit
 * through the listeners and the streaming wrapper: every metric's name, instrument type, unit, buckets and exact
 * attribute sets, the details and exception events, and in the dual setting equal values under both names.
 * LangChain4j's listener context names no server, so the points carry no {@code server.*}.
 */
class SemconvVersionsTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private LangChain4jTelemetry langChain4j(Setting setting) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(telemetry.sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(ContentCapture.NO_CONTENT)
                .setEmitEvent(true)
                .setEmitExceptionEvent(true);
        setting.apply(builder);
        return LangChain4jTelemetry.builder(builder.build()).build();
    }

    private ChatModel chatModel(Setting setting) {
        return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
                .maxRetries(0).listeners(List.of(langChain4j(setting).chatModelListener())).build();
    }

    private EmbeddingModel embeddingModel(Setting setting) {
        return OpenAiEmbeddingModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("text-embedding-3-small").maxRetries(0)
                .listeners(List.of(langChain4j(setting).embeddingModelListener())).build();
    }

    private static Attributes common(String operation, String model, String responseModel) {
        var builder = Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, operation)
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, model);
        if (responseModel != null) {
            builder.put(GEN_AI_RESPONSE_MODEL, responseModel);
        }
        return builder.build();
    }

    private Map<String, MetricData> metricsByName(Set<String> expected) {
        await(() -> byName(telemetry.metrics.collectAllMetrics()).keySet().containsAll(expected));
        return byName(telemetry.metrics.collectAllMetrics());
    }

    private List<LogRecordData> events(int expected) {
        await(() -> telemetry.logs.getFinishedLogRecordItems().size() >= expected);
        return telemetry.logs.getFinishedLogRecordItems();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Telemetry.sleep(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aChatCallEmitsTheMetricsAndDetailsEventOfTheSetting(Setting setting) {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);

        assertThat(chatModel(setting).chat("What is the capital of France?"))
                .isEqualTo("The capital of France is Paris.");

        telemetry.awaitSpan();
        Set<String> expected = inferenceMetricNames(setting, false, true, true);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertInferenceMetrics(setting, metrics, common("chat", "gpt-4o-mini", "gpt-4o-mini-2024-07-18"), null);
        if (setting.current()) {
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(19);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.cache_read.input_tokens")))
                    .isEqualTo(4);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.reasoning.output_tokens")))
                    .isEqualTo(2);
        }
        assertOneDetailsEvent(setting, events(1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aStreamedChatCallAlsoTimesItsChunksUnderTheNamesOfTheSetting(Setting setting) throws Exception {
        openAi.chatStream(
                OpenAiStub.chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
                OpenAiStub.chunk("{\"content\":\"Hel\"}", null),
                OpenAiStub.chunk("{\"content\":\"lo!\"}", null),
                OpenAiStub.chunk("{}", "stop"),
                OpenAiStub.usageChunk());
        StreamingChatModel model = langChain4j(setting).wrap(OpenAiStreamingChatModel.builder()
                .baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini").build());
        CompletableFuture<ChatResponse> outcome = new CompletableFuture<>();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {}

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                outcome.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                outcome.completeExceptionally(error);
            }
        });

        assertThat(outcome.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello!");
        telemetry.awaitSpan();
        Set<String> expected = inferenceMetricNames(setting, true, false, false);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        Attributes common = common("chat", "gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        assertInferenceMetrics(setting, metrics, common, without(common, GEN_AI_RESPONSE_MODEL));
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_to_first_chunk"),
                    metrics.get("gen_ai.client.operation.time_to_first_chunk"));
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_per_output_chunk"),
                    metrics.get("gen_ai.client.operation.time_per_output_chunk"));
        }
        assertOneDetailsEvent(setting, events(1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void anEmbeddingsCallEmitsTheEmbeddingsMetricsOfTheSettingAndNoEvent(Setting setting) {
        openAi.embeddings();

        assertThat(embeddingModel(setting).embedAll(List.of(TextSegment.from("first"), TextSegment.from("second")))
                .content()).hasSize(2);

        telemetry.awaitSpan();
        Set<String> expected = embeddingsMetricNames(setting);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertEmbeddingsMetrics(setting, metrics,
                common("embeddings", "text-embedding-3-small", "text-embedding-3-small"));
        if (setting.current()) {
            assertThat(operationTokens(metrics.get("gen_ai.client.embeddings.operation.input_tokens")).get(2))
                    .isEqualTo(8.0);
        }
        assertThat(telemetry.logs.getFinishedLogRecordItems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aRateLimitedChatCallRecordsItsDurationWithErrorTypeAndTheInferenceExceptionEventOfTheSetting(
            Setting setting) {
        openAi.chat(429, OpenAiStub.RATE_LIMITED);

        assertThat(catchThrowable(() -> chatModel(setting).chat("Hello"))).isInstanceOf(RuntimeException.class);

        telemetry.awaitSpan();
        assertFailedInference(setting, byName(telemetry.metrics.collectAllMetrics()),
                with(common("chat", "gpt-4o-mini", null), ERROR_TYPE, "429"),
                events(setting == Setting.BOTH ? 3 : 2));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aRateLimitedEmbeddingsCallEmitsTheClientOperationExceptionEventOnceInEverySetting(Setting setting) {
        openAi.server.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(OpenAiStub.RATE_LIMITED)));

        assertThat(catchThrowable(() -> embeddingModel(setting).embed("Hello")))
                .isInstanceOf(RuntimeException.class);

        telemetry.awaitSpan();
        assertFailedEmbeddings(setting, byName(telemetry.metrics.collectAllMetrics()),
                with(common("embeddings", "text-embedding-3-small", null), ERROR_TYPE, "429"), events(1));
    }
}
