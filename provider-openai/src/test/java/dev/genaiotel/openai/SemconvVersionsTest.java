package dev.genaiotel.openai;

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
import static dev.genaiotel.testsupport.SemconvSignals.legacyTokens;
import static dev.genaiotel.testsupport.SemconvSignals.operationTokens;
import static dev.genaiotel.testsupport.SemconvSignals.with;
import static dev.genaiotel.testsupport.SemconvSignals.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.testsupport.SemconvSignals.Setting;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each setting of {@code otel.instrumentation.genai.semconv-version} makes openai-java calls emit: every
 * metric's name, instrument type, unit, buckets and exact attribute sets, the details and exception events, and in
 * the dual setting equal values under both names.
 */
class SemconvVersionsTest extends WireMockFixture {

    private OpenAIClient client(Setting setting) {
        return OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT, builder -> {
            setting.apply(builder);
            builder.setEmitEvent(true).setEmitExceptionEvent(true);
        })).setIncludeStreamUsage(true).build().wrap(rawClient);
    }

    private static ChatCompletionCreateParams chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("What is the capital of France?").build();
    }

    private static EmbeddingCreateParams embeddings() {
        return EmbeddingCreateParams.builder().model("text-embedding-3-small")
                .input(EmbeddingCreateParams.Input.ofArrayOfStrings(List.of("The food was delicious", "Terrible")))
                .build();
    }

    /** The attributes every point of an operation carries: [A] of the conventions. */
    private Attributes common(String operation, String model, String responseModel) {
        var builder = Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, operation)
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, model)
                .put(SERVER_ADDRESS, "localhost")
                .put(SERVER_PORT, (long) server.port());
        if (responseModel != null) {
            builder.put(GEN_AI_RESPONSE_MODEL, responseModel);
        }
        return builder.build();
    }

    private Map<String, MetricData> metricsByName() {
        return byName(metrics.collectAllMetrics());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aChatCallEmitsTheMetricsAndDetailsEventOfTheSetting(Setting setting) {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client(setting).chat().completions().create(chat());

        Map<String, MetricData> metrics = metricsByName();
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(
                inferenceMetricNames(setting, false, true, true));
        Attributes common = common("chat", "gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        assertInferenceMetrics(setting, metrics, common, null);
        if (setting.current()) {
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(1117);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.output_tokens"))).isEqualTo(46);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.cache_read.input_tokens")))
                    .isEqualTo(1024);
            assertThat(counterTotal(metrics.get("gen_ai.client.inference.usage.reasoning.output_tokens")))
                    .isEqualTo(12);
        }
        if (setting.legacy()) {
            assertThat(legacyTokens(metrics.get("gen_ai.client.token.usage"), "input").get(2)).isEqualTo(1117.0);
        }
        assertOneDetailsEvent(setting, events());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aStreamedChatCallAlsoTimesItsChunksUnderTheNamesOfTheSetting(Setting setting) {
        stubSse("/chat/completions", Payloads.CHAT_STREAM_WITH_USAGE);

        try (StreamResponse<ChatCompletionChunk> stream = client(setting).chat().completions()
                .createStreaming(chat())) {
            assertThat(stream.stream().count()).isEqualTo(4);
        }

        Map<String, MetricData> metrics = metricsByName();
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(
                inferenceMetricNames(setting, true, false, false));
        Attributes common = common("chat", "gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        assertInferenceMetrics(setting, metrics, common, without(common, GEN_AI_RESPONSE_MODEL));
        String perChunk = setting.current() ? "gen_ai.client.inference.time_per_output_chunk"
                : "gen_ai.client.operation.time_per_output_chunk";
        assertThat(metrics.get(perChunk).getHistogramData().getPoints().iterator().next().getCount())
                .isEqualTo(3);
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_to_first_chunk"),
                    metrics.get("gen_ai.client.operation.time_to_first_chunk"));
            assertSameHistogram(metrics.get("gen_ai.client.inference.time_per_output_chunk"),
                    metrics.get("gen_ai.client.operation.time_per_output_chunk"));
        }
        assertOneDetailsEvent(setting, events());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void anEmbeddingsCallEmitsTheEmbeddingsMetricsOfTheSettingAndNoEvent(Setting setting) {
        stubJson("/embeddings", 200, Payloads.EMBEDDINGS);

        client(setting).embeddings().create(embeddings());

        Map<String, MetricData> metrics = metricsByName();
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(embeddingsMetricNames(setting));
        assertEmbeddingsMetrics(setting, metrics,
                common("embeddings", "text-embedding-3-small", "text-embedding-3-small"));
        if (setting.current()) {
            assertThat(operationTokens(metrics.get("gen_ai.client.embeddings.operation.input_tokens")).get(2))
                    .isEqualTo(8.0);
        }
        assertThat(events()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aFailedChatCallRecordsItsDurationWithErrorTypeAndTheInferenceExceptionEventOfTheSetting(
            Setting setting) {
        stubJson("/chat/completions", 429, Payloads.ERROR_429);

        assertThat(catchThrowable(() -> client(setting).chat().completions().create(chat())))
                .isInstanceOf(RateLimitException.class);

        Map<String, MetricData> metrics = metricsByName();
        Attributes failed = with(common("chat", "gpt-4o-mini", null), ERROR_TYPE, "429");
        assertFailedInference(setting, metrics, failed, events());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setting.class)
    void aFailedEmbeddingsCallEmitsTheClientOperationExceptionEventOnceInEverySetting(Setting setting) {
        stubJson("/embeddings", 429, Payloads.ERROR_429);

        assertThat(catchThrowable(() -> client(setting).embeddings().create(embeddings())))
                .isInstanceOf(RateLimitException.class);

        assertFailedEmbeddings(setting, metricsByName(),
                with(common("embeddings", "text-embedding-3-small", null), ERROR_TYPE, "429"), events());
    }
}
