package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_MODALITY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.TokenUsage.ModalityTokens;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.GenAiSchema;
import dev.genaiotel.semconv.MetricDefinition;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each setting of {@code otel.instrumentation.genai.semconv-version} emits. */
class SemconvVersionsTest {

    private static final Attributes COMMON = Attributes.builder()
            .put(GEN_AI_OPERATION_NAME, "chat")
            .put(GEN_AI_PROVIDER_NAME, "openai")
            .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
            .put(SERVER_ADDRESS, "api.openai.com")
            .put(SERVER_PORT, 443L)
            .put(GEN_AI_RESPONSE_MODEL, "gpt-4o-2024")
            .build();

    private static void chat(GenAiTelemetry telemetry, TokenUsage usage) {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").server("api.openai.com", 443L).build())
                .end(InferenceResponse.builder().responseModel("gpt-4o-2024").usage(usage).build());
    }

    private static void assertDefinition(MetricData data, MetricDefinition definition) {
        assertThat(data).as(definition.name()).isNotNull();
        assertThat(data.getUnit()).isEqualTo(definition.unit());
        assertThat(data.getDescription()).isEqualTo(definition.description());
        switch (definition.instrument()) {
            case DOUBLE_HISTOGRAM:
                assertThat(data.getType()).isEqualTo(MetricDataType.HISTOGRAM);
                assertThat(data.getHistogramData().getPoints().iterator().next().getBoundaries())
                        .isEqualTo(definition.bucketBoundaries());
                break;
            case LONG_HISTOGRAM:
                assertThat(data.getType()).isEqualTo(MetricDataType.HISTOGRAM);
                assertThat(data.getHistogramData().getPoints().iterator().next().getBoundaries())
                        .isEqualTo(definition.bucketBoundaries());
                break;
            case LONG_COUNTER:
                assertThat(data.getType()).isEqualTo(MetricDataType.LONG_SUM);
                assertThat(data.getLongSumData().isMonotonic()).isTrue();
                break;
            default:
                throw new AssertionError(definition.instrument());
        }
    }

    private static Map<Attributes, Long> counterPoints(MetricData data) {
        Map<Attributes, Long> points = new java.util.HashMap<>();
        for (LongPointData point : data.getLongSumData().getPoints()) {
            points.put(point.getAttributes(), point.getValue());
        }
        return points;
    }

    private static List<String> names(TelemetryFixture fixture) {
        List<String> names = new ArrayList<>();
        for (MetricData data : fixture.allMetrics()) {
            names.add(data.getName());
        }
        return names;
    }

    @Test
    void theDefaultEmitsTheInferenceMetricsOfV010AndNoneOfTheOldNames() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.telemetry();
        chat(telemetry, new TokenUsage(100L, 20L, 30L, 5L, 8L));

        assertThat(telemetry.semconvVersions()).containsExactly(SemconvVersion.V0_1_0);
        assertThat(names(fixture)).containsExactlyInAnyOrder(
                "gen_ai.client.inference.duration",
                "gen_ai.client.inference.usage.input_tokens",
                "gen_ai.client.inference.usage.output_tokens",
                "gen_ai.client.inference.usage.cache_read.input_tokens",
                "gen_ai.client.inference.usage.cache_write.input_tokens",
                "gen_ai.client.inference.usage.reasoning.output_tokens",
                "gen_ai.client.inference.operation.input_tokens",
                "gen_ai.client.inference.operation.output_tokens");
        assertDefinition(fixture.metric("gen_ai.client.inference.duration"),
                GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION);
        assertThat(TelemetryFixture.pointAttributes(fixture.metric("gen_ai.client.inference.duration")))
                .containsExactly(COMMON);
        Attributes unknown = COMMON.toBuilder().put(GEN_AI_TOKEN_MODALITY, "unknown").build();
        MetricData input = fixture.metric("gen_ai.client.inference.usage.input_tokens");
        assertDefinition(input, GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS);
        assertThat(counterPoints(input)).isEqualTo(Map.of(unknown, 100L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.output_tokens")))
                .isEqualTo(Map.of(unknown, 20L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.cache_read.input_tokens")))
                .isEqualTo(Map.of(unknown, 30L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.cache_write.input_tokens")))
                .isEqualTo(Map.of(unknown, 5L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.reasoning.output_tokens")))
                .isEqualTo(Map.of(unknown, 8L));
        MetricData perOperation = fixture.metric("gen_ai.client.inference.operation.input_tokens");
        assertDefinition(perOperation, GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS);
        HistogramPointData point = perOperation.getHistogramData().getPoints().iterator().next();
        assertThat(point.getAttributes()).isEqualTo(COMMON);
        assertThat(point.getSum()).isEqualTo(100.0);
    }

    @Test
    void modalitiesTheProviderCountedAreRecordedOnTheirOwnAndTheRestAsUnknown() {
        TelemetryFixture fixture = new TelemetryFixture();
        chat(fixture.telemetry(), new TokenUsage(100L, 20L, null, null, null)
                .withModalities(List.of(new ModalityTokens("audio", 40L, 20L, null))));

        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.input_tokens"))).isEqualTo(Map.of(
                COMMON.toBuilder().put(GEN_AI_TOKEN_MODALITY, "audio").build(), 40L,
                COMMON.toBuilder().put(GEN_AI_TOKEN_MODALITY, "unknown").build(), 60L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.output_tokens"))).isEqualTo(Map.of(
                COMMON.toBuilder().put(GEN_AI_TOKEN_MODALITY, "audio").build(), 20L));
        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_USAGE_AUDIO_INPUT_TOKENS)).isEqualTo(40L);
        assertThat(span.getAttributes().get(GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS)).isEqualTo(20L);
        assertThat(span.getAttributes().get(GEN_AI_USAGE_TEXT_INPUT_TOKENS)).isNull();
    }

    @Test
    void theOldNamesAloneAreExactlyWhatWasEmittedBefore() {
        TelemetryFixture fixture = TelemetryFixture.emitting(SemconvVersion.V1_41_0);
        chat(fixture.telemetry(), new TokenUsage(100L, 20L, null, null, null)
                .withModalities(List.of(new ModalityTokens("audio", 40L, 20L, null))));

        assertThat(names(fixture)).containsExactlyInAnyOrder("gen_ai.client.operation.duration",
                "gen_ai.client.token.usage");
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_USAGE_AUDIO_INPUT_TOKENS)).isNull();
        assertThat(fixture.onlySpan().getInstrumentationScopeInfo().getSchemaUrl())
                .isEqualTo(GenAiSchema.SCHEMA_URL_1_41_0);
    }

    @Test
    void v010RecordsNoSchemaUrlSinceNoneIsPublished() {
        TelemetryFixture fixture = new TelemetryFixture();
        chat(fixture.telemetry(), null);

        assertThat(fixture.onlySpan().getInstrumentationScopeInfo().getSchemaUrl()).isNull();
    }

    @Test
    void bothVersionsRecordEveryInferencePointUnderBothNamesWithEqualValues() {
        TelemetryFixture fixture = TelemetryFixture.emitting(SemconvVersion.V0_1_0, SemconvVersion.V1_41_0);
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(
                InferenceRequest.chat("openai", "gpt-4o").server("api.openai.com", 443L).build());
        inference.onChunk(0, "Hel");
        inference.onChunk(0, "lo");
        inference.end(InferenceResponse.builder().responseModel("gpt-4o-2024").usage(TokenUsage.of(100, 20))
                .build());

        assertThat(names(fixture)).contains("gen_ai.client.inference.duration", "gen_ai.client.operation.duration",
                "gen_ai.client.inference.time_to_first_chunk", "gen_ai.client.operation.time_to_first_chunk",
                "gen_ai.client.inference.time_per_output_chunk", "gen_ai.client.operation.time_per_output_chunk",
                "gen_ai.client.token.usage", "gen_ai.client.inference.usage.input_tokens");
        assertSameHistogram(fixture, "gen_ai.client.inference.duration", "gen_ai.client.operation.duration");
        assertSameHistogram(fixture, "gen_ai.client.inference.time_to_first_chunk",
                "gen_ai.client.operation.time_to_first_chunk");
        assertSameHistogram(fixture, "gen_ai.client.inference.time_per_output_chunk",
                "gen_ai.client.operation.time_per_output_chunk");
        double oldInput = fixture.metric("gen_ai.client.token.usage").getHistogramData().getPoints().stream()
                .filter(p -> "input".equals(p.getAttributes().get(
                        io.opentelemetry.api.common.AttributeKey.stringKey("gen_ai.token.type"))))
                .findFirst().orElseThrow().getSum();
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.input_tokens")).values())
                .containsExactly((long) oldInput);
    }

    private static void assertSameHistogram(TelemetryFixture fixture, String current, String legacy) {
        HistogramPointData a = fixture.metric(current).getHistogramData().getPoints().iterator().next();
        HistogramPointData b = fixture.metric(legacy).getHistogramData().getPoints().iterator().next();
        assertThat(a.getAttributes()).isEqualTo(b.getAttributes());
        assertThat(a.getCount()).isEqualTo(b.getCount());
        assertThat(a.getSum()).isEqualTo(b.getSum());
    }

    @Test
    void aMetricBothVersionsNameAlikeIsRecordedOnce() {
        TelemetryFixture fixture = TelemetryFixture.emitting(SemconvVersion.V0_1_0, SemconvVersion.V1_41_0);
        fixture.telemetry().startAgentCreation(AgentRequest.remote("openai", "Math Tutor", null)).end("asst_1");

        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name()).getHistogramData()
                .getPoints().iterator().next().getCount()).isEqualTo(1);
    }

    @Test
    void embeddingsHaveTheirOwnMetricsInV010() {
        TelemetryFixture fixture = new TelemetryFixture();
        fixture.telemetry().startEmbeddings(EmbeddingsRequest.of("openai", "text-embedding-3-small"))
                .end(EmbeddingsResponse.of("text-embedding-3-small", 12L));

        assertThat(names(fixture)).containsExactlyInAnyOrder("gen_ai.client.embeddings.duration",
                "gen_ai.client.embeddings.operation.input_tokens");
        assertDefinition(fixture.metric("gen_ai.client.embeddings.duration"),
                GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_DURATION);
        assertDefinition(fixture.metric("gen_ai.client.embeddings.operation.input_tokens"),
                GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS);
        assertThat(fixture.metric("gen_ai.client.embeddings.operation.input_tokens").getHistogramData().getPoints()
                .iterator().next().getSum()).isEqualTo(12.0);
    }

    @Test
    void aWorkflowIsNamedLikeAnAgentAndTimedOnTheAgentDurationInV010() {
        TelemetryFixture fixture = new TelemetryFixture();
        fixture.telemetry().startWorkflow(WorkflowRequest.named("multi_agent_rag")).end(List.of());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_AGENT_NAME)).isEqualTo("multi_agent_rag");
        assertThat(span.getAttributes().get(GEN_AI_WORKFLOW_NAME)).isNull();
        assertThat(names(fixture)).containsExactly("gen_ai.invoke_agent.duration");
        assertThat(TelemetryFixture.pointAttributes(fixture.metric("gen_ai.invoke_agent.duration")))
                .containsExactly(Attributes.of(GEN_AI_AGENT_NAME, "multi_agent_rag"));
    }

    @Test
    void aWorkflowCarriesBothNamesDuringAMigration() {
        TelemetryFixture fixture = TelemetryFixture.emitting(SemconvVersion.V0_1_0, SemconvVersion.V1_41_0);
        fixture.telemetry().startWorkflow(WorkflowRequest.named("multi_agent_rag")).end(List.of());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_AGENT_NAME)).isEqualTo("multi_agent_rag");
        assertThat(span.getAttributes().get(GEN_AI_WORKFLOW_NAME)).isEqualTo("multi_agent_rag");
        assertThat(names(fixture)).containsExactlyInAnyOrder("gen_ai.invoke_agent.duration",
                "gen_ai.workflow.duration");
    }

    @ParameterizedTest(name = "{0}: inference failure -> {1}, tool failure -> {2}")
    @CsvSource(delimiter = ';', value = {
        "0.1.0;        inference;           tool",
        "1.41.0;       operation;           operation",
        "0.1.0,1.41.0; inference|operation; tool|operation",
    })
    void theExceptionEventIsNamedForTheOperationsFamilyInEachVersion(String setting, String inference,
            String tool) {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(Map.of("otel.instrumentation.genai.semconv-version", setting),
                Map.of()).setEmitExceptionEvent(true).build();

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                .fail(new IllegalStateException("boom"));
        List<String> inferenceEvents = eventNames(fixture);
        fixture.logs.reset();
        telemetry.startToolExecution(ToolCall.function("get_weather", "call_1", null))
                .fail(new IllegalStateException("boom"));

        assertThat(inferenceEvents).containsExactly(exceptionEvents(inference));
        assertThat(eventNames(fixture)).containsExactly(exceptionEvents(tool));
    }

    /** {@code inference|operation} as event names: {@code gen_ai.client.inference.exception}, ... */
    private static String[] exceptionEvents(String families) {
        String[] names = families.split("\\|");
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].equals("tool") ? "gen_ai.execute_tool.exception"
                    : "gen_ai.client." + names[i] + ".exception";
        }
        return names;
    }

    private static List<String> eventNames(TelemetryFixture fixture) {
        List<String> names = new ArrayList<>();
        for (LogRecordData event : fixture.events()) {
            names.add(event.getEventName());
        }
        return names;
    }

    @ParameterizedTest(name = "{0} -> details event at {1}")
    @CsvSource({"0.1.0, DEBUG", "1.41.0, INFO", "'0.1.0,1.41.0', INFO"})
    void theDetailsEventIsEmittedOnceAtTheVersionsSeverity(String setting, Severity severity) {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(Map.of("otel.instrumentation.genai.semconv-version", setting),
                Map.of()).setEmitEvent(true).build();

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end(InferenceResponse.empty());

        assertThat(fixture.events()).singleElement().satisfies(event -> {
            assertThat(event.getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
            assertThat(event.getSeverity()).isEqualTo(severity);
        });
    }

    @ParameterizedTest(name = "system property {0}, environment {1} -> {2}")
    @CsvSource(nullValues = "unset", value = {
        "unset,          unset,          0.1.0",
        "1.41.0,         unset,          1.41.0",
        "unset,          1.41.0,         1.41.0",
        "unset,          '0.1.0,1.41.0', '0.1.0,1.41.0'",
        "' 1.41.0 , 0.1.0 ', unset,      '0.1.0,1.41.0'",
        "0.1.0,          1.41.0,         0.1.0",
        "2.0.0,          unset,          0.1.0",
        "'0.1.0,bogus',  unset,          0.1.0",
    })
    void theSettingIsReadFromSystemPropertiesOverTheEnvironment(String property, String environment,
            String expected) {
        Map<String, String> properties = new java.util.HashMap<>();
        Map<String, String> variables = new java.util.HashMap<>();
        if (property != null) {
            properties.put("otel.instrumentation.genai.semconv-version", property);
        }
        if (environment != null) {
            variables.put("OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION", environment);
        }

        GenAiTelemetry telemetry = new TelemetryFixture().builder(properties, variables).build();

        assertThat(telemetry.semconvVersions()).isEqualTo(versions(expected));
    }

    @Test
    void codeWinsOverTheSystemProperty() {
        GenAiTelemetry telemetry = new TelemetryFixture()
                .builder(Map.of("otel.instrumentation.genai.semconv-version", "0.1.0"), Map.of())
                .setSemconvVersion(SemconvVersion.V1_41_0).build();

        assertThat(telemetry.semconvVersions()).containsExactly(SemconvVersion.V1_41_0);
    }

    @Test
    void anInvalidValueLogsOneWarningNamingItsSourceAndFallsBackToV010() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(GenAiSettings.class.getName());
        logger.addHandler(handler);
        try {
            GenAiTelemetry telemetry = new TelemetryFixture()
                    .builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION", "1.42")).build();

            assertThat(telemetry.semconvVersions()).containsExactly(SemconvVersion.V0_1_0);
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).singleElement().satisfies(record -> assertThat(
                java.text.MessageFormat.format(record.getMessage(), record.getParameters()))
                .contains("1.42", "OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION", "0.1.0"));
    }

    private static Set<SemconvVersion> versions(String ids) {
        Set<SemconvVersion> versions = EnumSet.noneOf(SemconvVersion.class);
        for (String id : ids.split(",")) {
            versions.add(SemconvVersion.fromId(id).orElseThrow());
        }
        return versions;
    }

    @Test
    void aFailedInferenceRecordsItsDurationWithErrorTypeAndNoTokens() {
        TelemetryFixture fixture = new TelemetryFixture();
        fixture.telemetry().startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                .fail(new IllegalStateException("boom"), "rate_limit_exceeded");

        assertThat(names(fixture)).containsExactly("gen_ai.client.inference.duration");
        assertThat(TelemetryFixture.pointAttributes(fixture.metric("gen_ai.client.inference.duration")))
                .containsExactly(Attributes.builder().put(GEN_AI_OPERATION_NAME, "chat")
                        .put(GEN_AI_PROVIDER_NAME, "openai").put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                        .put(ERROR_TYPE, "rate_limit_exceeded").build());
    }

    @Test
    void usageAFailedInferenceReceivedIsCountedWithoutErrorTypeButNotInThePerOperationHistograms() {
        TelemetryFixture fixture = new TelemetryFixture();
        Inference inference = fixture.telemetry().startInference(
                InferenceRequest.chat("openai", "gpt-4o").server("api.openai.com", 443L).build());
        inference.onChunk().usage(new TokenUsage(100L, 7L, 0L, null, 0L)).responseModel("gpt-4o-2024");
        inference.fail(new IllegalStateException("cut"), "stream_error");

        Attributes unknown = COMMON.toBuilder().put(GEN_AI_TOKEN_MODALITY, "unknown").build();
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.input_tokens")))
                .isEqualTo(Map.of(unknown, 100L));
        assertThat(counterPoints(fixture.metric("gen_ai.client.inference.usage.output_tokens")))
                .isEqualTo(Map.of(unknown, 7L));
        assertThat(names(fixture)).as("reported zeros of the cache and reasoning subsets add no series")
                .doesNotContain("gen_ai.client.inference.usage.cache_read.input_tokens",
                        "gen_ai.client.inference.usage.reasoning.output_tokens")
                .doesNotContain("gen_ai.client.inference.operation.input_tokens",
                        "gen_ai.client.inference.operation.output_tokens");
        assertThat(TelemetryFixture.pointAttributes(fixture.metric("gen_ai.client.inference.duration")))
                .containsExactly(COMMON.toBuilder().put(ERROR_TYPE, "stream_error").build());
    }
}
