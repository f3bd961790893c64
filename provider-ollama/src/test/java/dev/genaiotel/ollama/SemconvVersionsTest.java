package dev.genaiotel.ollama;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
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
import dev.genaiotel.ollama.OllamaStub.Answer;
import dev.genaiotel.testsupport.SemconvSignals.Setting;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each setting of {@code otel.instrumentation.genai.semconv-version} makes Ollama calls over an instrumented
 * {@link HttpClient} emit: every metric's name, instrument type, unit, buckets and exact attribute sets, the details
 * and exception events, and in the dual setting equal values under both names.
 */
class SemconvVersionsTest {

    private final Telemetry telemetry = new Telemetry();
    private OllamaStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new OllamaStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private OllamaClient client(Setting setting) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(telemetry.sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(ContentCapture.NO_CONTENT)
                .setEmitEvent(true)
                .setEmitExceptionEvent(true);
        setting.apply(builder);
        return OllamaClient.builder().baseUrl(stub.baseUrl())
                .httpClient(OllamaTelemetry.builder(builder.build()).build().wrap(HttpClient.newHttpClient()))
                .build();
    }

    private Attributes common(String operation, String model, String responseModel) {
        var builder = Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, operation)
                .put(GEN_AI_PROVIDER_NAME, "ollama")
                .put(GEN_AI_REQUEST_MODEL, model)
                .put(SERVER_ADDRESS, "127.0.0.1")
                .put(SERVER_PORT, (long) stub.port());
        if (responseModel != null) {
            builder.put(GEN_AI_RESPONSE_MODEL, responseModel);
        }
        return builder.build();
    }

    /** The collected metrics by name, once every expected one is there. */
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

    private static ChatRequest chat() {
        return ChatRequest.builder("llama3.2").message(ChatMessage.user("Why is the sky blue?")).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aChatCallEmitsTheMetricsAndDetailsEventOfTheSetting(Setting setting) {
        stub.answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE));

        client(setting).chat(chat());

        telemetry.awaitSpan();
        Set<String> expected = inferenceMetricNames(setting, false, false, false);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertInferenceMetrics(setting, metrics, common("chat", "llama3.2", "llama3.2"), null);
        if (setting.current()) {
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(26);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.output_tokens"))).isEqualTo(282);
        }
        assertOneDetailsEvent(setting, events(1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aStreamedChatCallAlsoTimesItsChunksUnderTheNamesOfTheSetting(Setting setting) {
        stub.answer("POST", "/api/chat", Answer.ndjson(Payloads.CHAT_STREAM));

        try (Stream<ChatResponse> chunks = client(setting).chatStream(chat())) {
            assertThat(chunks.map(chunk -> chunk.message().content()).collect(Collectors.joining()))
                    .isEqualTo("The sky is blue.");
        }

        telemetry.awaitSpan();
        Set<String> expected = inferenceMetricNames(setting, true, false, false);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        Attributes common = common("chat", "llama3.2", "llama3.2");
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
    void anEmbedCallEmitsTheEmbeddingsMetricsOfTheSettingAndNoEvent(Setting setting) {
        stub.answer("POST", "/api/embed", Answer.json(200, Payloads.EMBED_RESPONSE));

        client(setting).embed(EmbedRequest.of("all-minilm", "Why is the sky blue?", "Why is the grass green?"));

        telemetry.awaitSpan();
        Set<String> expected = embeddingsMetricNames(setting);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertEmbeddingsMetrics(setting, metrics, common("embeddings", "all-minilm", "all-minilm"));
        if (setting.current()) {
            assertThat(operationTokens(metrics.get("gen_ai.client.embeddings.operation.input_tokens")).get(2))
                    .isEqualTo(8.0);
        }
        assertThat(telemetry.logs.getFinishedLogRecordItems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aChatCallForAnUnknownModelRecordsItsDurationWithErrorTypeAndTheInferenceExceptionEventOfTheSetting(
            Setting setting) {
        stub.answer("POST", "/api/chat", Answer.json(404, Payloads.MODEL_NOT_FOUND));

        assertThat(catchThrowable(() -> client(setting).chat(ChatRequest.builder("llama9")
                .message(ChatMessage.user("Hi")).build()))).isInstanceOf(OllamaModelNotFoundException.class);

        telemetry.awaitSpan();
        assertFailedInference(setting, byName(telemetry.metrics.collectAllMetrics()),
                with(common("chat", "llama9", null), ERROR_TYPE, "404"), events(setting == Setting.BOTH ? 3 : 2));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void anEmbedCallForAnUnknownModelEmitsTheClientOperationExceptionEventOnceInEverySetting(Setting setting) {
        stub.answer("POST", "/api/embed", Answer.json(404, Payloads.MODEL_NOT_FOUND));

        assertThat(catchThrowable(() -> client(setting).embed(EmbedRequest.of("llama9", "Hi"))))
                .isInstanceOf(OllamaModelNotFoundException.class);

        telemetry.awaitSpan();
        assertFailedEmbeddings(setting, byName(telemetry.metrics.collectAllMetrics()),
                with(common("embeddings", "llama9", null), ERROR_TYPE, "404"), events(1));
    }
}
