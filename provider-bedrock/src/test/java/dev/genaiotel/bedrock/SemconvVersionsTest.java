package dev.genaiotel.bedrock;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.testsupport.SemconvSignals.Setting;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * What each setting of {@code otel.instrumentation.genai.semconv-version} makes AWS SDK Bedrock Runtime calls emit
 * (Converse, ConverseStream, Titan embeddings through InvokeModel): every metric's name, instrument type, unit,
 * buckets and exact attribute sets, the details and exception events, and in the dual setting equal values under
 * both names.
 */
class SemconvVersionsTest extends BedrockFixture {

    private static final String EMBEDDINGS_MODEL = "amazon.titan-embed-text-v2:0";

    private BedrockTelemetry bedrock(Setting setting) {
        return BedrockTelemetry.builder(genAi(ContentCapture.NO_CONTENT, builder -> {
            setting.apply(builder);
            builder.setEmitEvent(true).setEmitExceptionEvent(true);
        })).build();
    }

    /** The attributes every point of an operation carries: Bedrock Converse reports no response model. */
    private Attributes common(String operation, String model) {
        return Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, operation)
                .put(GEN_AI_PROVIDER_NAME, "aws.bedrock")
                .put(GEN_AI_REQUEST_MODEL, model)
                .put(SERVER_ADDRESS, endpoint().getHost())
                .put(SERVER_PORT, (long) server.port())
                .build();
    }

    /** The collected metrics by name, once every expected one is there (an async call records after returning). */
    private Map<String, MetricData> metricsByName(Set<String> expected) {
        await(() -> byName(metrics.collectAllMetrics()).keySet().containsAll(expected));
        return byName(metrics.collectAllMetrics());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aConverseCallEmitsTheMetricsAndDetailsEventOfTheSetting(Setting setting) {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(setting).newExecutionInterceptor());

        client.converse(ConverseTest.simpleRequest());

        Set<String> expected = inferenceMetricNames(setting, false, false, false);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertInferenceMetrics(setting, metrics, common("chat", ConverseTest.MODEL), null);
        if (setting.current()) {
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(21);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.output_tokens"))).isEqualTo(9);
        }
        assertOneDetailsEvent(setting, logs.getFinishedLogRecordItems());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aConverseStreamAlsoTimesItsChunksUnderTheNamesOfTheSetting(Setting setting) {
        stubEventStream("converse-stream", ConverseStreamTest.textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(setting).wrap(asyncClient());

        RecordingConverseHandler handler = new RecordingConverseHandler(RecordingConverseHandler.Mode.DRAIN);
        catchThrowable(() -> client.converseStream(ConverseStreamTest.request(), handler).get());

        assertThat(handler.text()).isEqualTo("Hello, world!");
        awaitOnlySpan();
        Set<String> expected = inferenceMetricNames(setting, true, true, false);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        Attributes common = common("chat", ConverseStreamTest.MODEL);
        assertInferenceMetrics(setting, metrics, common, common);
        if (setting.current()) {
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(111);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.cache_read.input_tokens")))
                    .isEqualTo(100);
        }
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_to_first_chunk"),
                    metrics.get("gen_ai.client.operation.time_to_first_chunk"));
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_per_output_chunk"),
                    metrics.get("gen_ai.client.operation.time_per_output_chunk"));
        }
        await(() -> !logs.getFinishedLogRecordItems().isEmpty());
        assertOneDetailsEvent(setting, logs.getFinishedLogRecordItems());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aTitanEmbeddingsCallEmitsTheEmbeddingsMetricsOfTheSettingAndNoEvent(Setting setting) {
        stubJson("invoke", 200, "{\"embedding\":[0.0123,-0.0456,0.0789],\"inputTextTokenCount\":5}");
        BedrockRuntimeClient client = syncClient(bedrock(setting).newExecutionInterceptor());

        client.invokeModel(InvokeModelTest.invoke(EMBEDDINGS_MODEL, "{\"inputText\":\"hello embeddings\"}"));

        Set<String> expected = embeddingsMetricNames(setting);
        Map<String, MetricData> metrics = metricsByName(expected);
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertEmbeddingsMetrics(setting, metrics, common("embeddings", EMBEDDINGS_MODEL));
        if (setting.current()) {
            assertThat(operationTokens(metrics.get("gen_ai.client.embeddings.operation.input_tokens")).get(2))
                    .isEqualTo(5.0);
        }
        assertThat(logs.getFinishedLogRecordItems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aThrottledConverseCallRecordsItsDurationWithErrorTypeAndTheInferenceExceptionEventOfTheSetting(
            Setting setting) {
        stubError("converse", 429, "ThrottlingException", "Too many requests, please wait before trying again.");
        BedrockRuntimeClient client = syncClient(bedrock(setting).newExecutionInterceptor());

        assertThat(catchThrowable(() -> client.converse(ConverseTest.simpleRequest())))
                .isInstanceOf(ThrottlingException.class);

        assertFailedInference(setting, byName(metrics.collectAllMetrics()),
                with(common("chat", ConverseTest.MODEL), ERROR_TYPE, "ThrottlingException"),
                logs.getFinishedLogRecordItems());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aThrottledEmbeddingsCallEmitsTheClientOperationExceptionEventOnceInEverySetting(Setting setting) {
        stubError("invoke", 429, "ThrottlingException", "Too many requests");
        BedrockRuntimeClient client = syncClient(bedrock(setting).newExecutionInterceptor());

        assertThat(catchThrowable(() -> client.invokeModel(
                InvokeModelTest.invoke(EMBEDDINGS_MODEL, "{\"inputText\":\"hello embeddings\"}"))))
                .isInstanceOf(ThrottlingException.class);

        assertFailedEmbeddings(setting, byName(metrics.collectAllMetrics()),
                with(common("embeddings", EMBEDDINGS_MODEL), ERROR_TYPE, "ThrottlingException"),
                logs.getFinishedLogRecordItems());
    }
}
