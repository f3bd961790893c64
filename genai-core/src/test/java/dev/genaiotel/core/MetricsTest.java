package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();
    private final GenAiTelemetry telemetry = fixture.telemetry();

    private static final Attributes COMMON = Attributes.builder()
            .put(GEN_AI_OPERATION_NAME, "chat")
            .put(GEN_AI_PROVIDER_NAME, "openai")
            .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
            .put(SERVER_ADDRESS, "api.openai.com")
            .put(SERVER_PORT, 443L)
            .put(GEN_AI_RESPONSE_MODEL, "gpt-4o-2024")
            .build();

    private void chat(InferenceResponse response) {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").server("api.openai.com", 443L)
                .seed(1L).build()).end(response);
    }

    @Test
    void successfulInferenceRecordsDurationAndOneTokenPointPerType() {
        chat(InferenceResponse.builder().responseId("id-1").responseModel("gpt-4o-2024")
                .usage(TokenUsage.of(100, 20)).build());

        MetricData duration = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name());
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(TelemetryFixture.pointAttributes(duration)).containsExactly(COMMON);

        MetricData tokens = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name());
        assertThat(tokens.getUnit()).isEqualTo("{token}");
        assertThat(tokens.getHistogramData().getPoints())
                .extracting(HistogramPointData::getAttributes, HistogramPointData::getSum)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                COMMON.toBuilder().put(GEN_AI_TOKEN_TYPE, "input").build(), 100.0),
                        org.assertj.core.groups.Tuple.tuple(
                                COMMON.toBuilder().put(GEN_AI_TOKEN_TYPE, "output").build(), 20.0));
    }

    @Test
    void everyDistinctModelGetsItsOwnSeriesBeyondTheRememberedAttributesAndRepeatsShareOne() {
        int models = 300;
        for (int i = 0; i < models; i++) {
            for (int repeat = 0; repeat < 2; repeat++) {
                telemetry.startInference(InferenceRequest.chat("openai", "model-" + i).build())
                        .end(InferenceResponse.builder().responseModel("model-" + i + "-v1")
                                .usage(TokenUsage.of(i + 1, 1)).build());
            }
        }
        telemetry.startInference(InferenceRequest.chat("openai", "model-7").build()).fail(new IllegalStateException());

        List<HistogramPointData> durations = List.copyOf(
                fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name()).getHistogramData().getPoints());
        assertThat(durations).hasSize(models + 1);
        for (HistogramPointData point : durations) {
            String model = point.getAttributes().get(GEN_AI_REQUEST_MODEL);
            Attributes expected = Attributes.builder().put(GEN_AI_OPERATION_NAME, "chat")
                    .put(GEN_AI_PROVIDER_NAME, "openai").put(GEN_AI_REQUEST_MODEL, model)
                    .put(GEN_AI_RESPONSE_MODEL, model + "-v1").build();
            if (point.getAttributes().get(ERROR_TYPE) == null) {
                assertThat(point.getAttributes()).isEqualTo(expected);
                assertThat(point.getCount()).isEqualTo(2);
            } else {
                assertThat(point.getAttributes()).isEqualTo(Attributes.builder().put(GEN_AI_OPERATION_NAME, "chat")
                        .put(GEN_AI_PROVIDER_NAME, "openai").put(GEN_AI_REQUEST_MODEL, "model-7")
                        .put(ERROR_TYPE, IllegalStateException.class.getName()).build());
                assertThat(point.getCount()).isEqualTo(1);
            }
        }
        List<HistogramPointData> inputTokens = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())
                .getHistogramData().getPoints().stream()
                .filter(point -> "input".equals(point.getAttributes().get(GEN_AI_TOKEN_TYPE))).toList();
        assertThat(inputTokens).hasSize(models);
        for (HistogramPointData point : inputTokens) {
            int i = Integer.parseInt(point.getAttributes().get(GEN_AI_REQUEST_MODEL).substring("model-".length()));
            assertThat(point.getSum()).isEqualTo(2.0 * (i + 1));
        }
    }

    @Test
    void durationUsesTheAdvisedBuckets() {
        chat(InferenceResponse.empty());

        HistogramPointData point = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name())
                .getHistogramData().getPoints().iterator().next();
        assertThat(point.getBoundaries())
                .isEqualTo(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.bucketBoundaries());
    }

    @Test
    void tokenUsageIsNotRecordedWhenUsageIsUnknown() {
        chat(InferenceResponse.metadata("id", "gpt-4o-2024", List.of("stop")));

        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())).isNull();
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name())).isNotNull();
    }

    @Test
    void fetchResponseNeverRecordsTokenUsage() {
        telemetry.startInference(InferenceRequest.builder(OperationName.FETCH_RESPONSE, "openai").build())
                .end(InferenceResponse.builder().usage(TokenUsage.of(5, 5)).build());

        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())).isNull();
    }

    @Test
    void failedInferenceRecordsDurationWithErrorTypeAndNoTokens() {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                .fail(new RuntimeException("boom"), "500");

        MetricData duration = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name());
        assertThat(TelemetryFixture.pointAttributes(duration)).containsExactly(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(ERROR_TYPE, "500")
                .build());
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())).isNull();
    }

    @Test
    void metricAttributesCarryNoResponseIdsOrDimensionCounts() {
        telemetry.startEmbeddings(new EmbeddingsRequest("openai", "emb", 512L, null, null, null, null))
                .end(EmbeddingsResponse.of("emb", 3L));

        for (MetricData data : fixture.allMetrics()) {
            for (Attributes attributes : TelemetryFixture.pointAttributes(data)) {
                assertThat(attributes.asMap().keySet())
                        .extracting(key -> key.getKey())
                        .doesNotContain("gen_ai.response.id", "gen_ai.embeddings.dimension.count");
            }
        }
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name()).getHistogramData().getPoints())
                .hasSize(1);
    }

    @Test
    void toolExecutionRecordsItsOwnDuration() {
        telemetry.startToolExecution(ToolCall.function("get_weather", null, null)).end(null);

        assertThat(TelemetryFixture.pointAttributes(
                        fixture.metric(GenAiMetrics.GEN_AI_EXECUTE_TOOL_DURATION.name())))
                .containsExactly(Attributes.builder()
                        .put(GEN_AI_TOOL_NAME, "get_weather").put(GEN_AI_TOOL_TYPE, "function").build());
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name())).isNull();
    }

    @Test
    @SuppressWarnings("try")
    void inProcessAgentCountsTheInferencesAndToolCallsStartedInItsContext() {
        AgentInvocation agent = telemetry.startAgentInvocation(AgentRequest.local("planner"));
        try (Scope ignored = agent.makeCurrent()) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end();
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).fail(null);
            telemetry.startToolExecution(ToolCall.function("search", null, null)).end(null);
        }
        agent.end(InferenceResponse.empty());

        Attributes name = Attributes.of(GEN_AI_AGENT_NAME, "planner");
        assertThat(sums(GenAiMetrics.GEN_AI_INVOKE_AGENT_INFERENCE_CALLS.name())).containsExactly(Map.entry(name, 2.0));
        assertThat(sums(GenAiMetrics.GEN_AI_INVOKE_AGENT_TOOL_CALLS.name())).containsExactly(Map.entry(name, 1.0));
        assertThat(TelemetryFixture.pointAttributes(fixture.metric(GenAiMetrics.GEN_AI_INVOKE_AGENT_DURATION.name())))
                .containsExactly(name);
    }

    @Test
    void workflowRecordsItsDurationWithErrorType() {
        telemetry.startWorkflow(WorkflowRequest.named("crew")).fail(new IllegalStateException());

        assertThat(TelemetryFixture.pointAttributes(fixture.metric(GenAiMetrics.GEN_AI_WORKFLOW_DURATION.name())))
                .containsExactly(Attributes.builder().put(GEN_AI_WORKFLOW_NAME, "crew")
                        .put(ERROR_TYPE, "java.lang.IllegalStateException").build());
    }

    private Map<Attributes, Double> sums(String metric) {
        Map<Attributes, Double> result = new java.util.HashMap<>();
        for (HistogramPointData point : fixture.metric(metric).getHistogramData().getPoints()) {
            result.put(point.getAttributes(), point.getSum());
        }
        return result;
    }
}
