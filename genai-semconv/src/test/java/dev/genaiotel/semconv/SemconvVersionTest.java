package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.api.logs.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemconvVersionTest {

    @Test
    void theOneFourOneProfileDefinesExactlyTheMetricsEmittedToday() {
        assertThat(SemconvVersion.V1_41_0.metrics()).isEqualTo(GenAiMetrics.all());
    }

    @Test
    void v010DefinesTheNewClientMetricsThenTheKeptOnesThenOurOwn() {
        assertThat(SemconvVersion.V0_1_0.metrics()).extracting(MetricDefinition::name).containsExactly(
                "gen_ai.client.inference.duration",
                "gen_ai.client.inference.time_to_first_chunk",
                "gen_ai.client.inference.time_per_output_chunk",
                "gen_ai.client.inference.usage.input_tokens",
                "gen_ai.client.inference.usage.output_tokens",
                "gen_ai.client.inference.usage.cache_read.input_tokens",
                "gen_ai.client.inference.usage.cache_write.input_tokens",
                "gen_ai.client.inference.usage.reasoning.output_tokens",
                "gen_ai.client.inference.operation.input_tokens",
                "gen_ai.client.inference.operation.output_tokens",
                "gen_ai.client.embeddings.duration",
                "gen_ai.client.embeddings.operation.input_tokens",
                "gen_ai.client.operation.duration",
                "gen_ai.server.request.duration",
                "gen_ai.server.time_per_output_token",
                "gen_ai.server.time_to_first_token",
                "gen_ai.invoke_agent.duration",
                "gen_ai.invoke_agent.inference_calls",
                "gen_ai.invoke_agent.tool_calls",
                "gen_ai.execute_tool.duration",
                "gen_ai.client.usage.cost",
                "gen_ai.upload.dropped",
                "gen_ai.client.cache.lookups",
                "gen_ai.client.stream.output_tokens_per_second");
    }

    @Test
    void v010KeepsEveryMetricOfTheOneFourOneProfileButTheFourItRemoved() {
        List<MetricDefinition> removed = new ArrayList<>(GenAiMetrics.all());
        removed.removeAll(SemconvVersion.V0_1_0.metrics());

        assertThat(removed).extracting(MetricDefinition::name).containsExactlyInAnyOrder(
                "gen_ai.client.token.usage",
                "gen_ai.client.operation.time_to_first_chunk",
                "gen_ai.client.operation.time_per_output_chunk",
                "gen_ai.workflow.duration");
    }

    @Test
    void metricsBothVersionsShareAreTheSameDefinitions() {
        List<MetricDefinition> shared = new ArrayList<>(SemconvVersion.V0_1_0.metrics());
        shared.retainAll(SemconvVersion.V1_41_0.metrics());

        assertThat(shared).hasSize(GenAiMetrics.all().size() - 4).allSatisfy(metric ->
                assertThat(GenAiMetrics.all()).anySatisfy(old -> assertThat(old).isSameAs(metric)));
    }

    @Test
    void metricNamesAreUniqueWithinEachVersion() {
        for (SemconvVersion version : SemconvVersion.values()) {
            assertThat(version.metrics()).extracting(MetricDefinition::name).as(version.id()).doesNotHaveDuplicates();
        }
    }

    @Test
    void theOneFourOneProfileKeepsTheSchemaUrlRecordedToday() {
        assertThat(SemconvVersion.V1_41_0.schemaUrl())
                .contains("https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev")
                .contains(GenAiSchema.SCHEMA_URL_1_41_0);
    }

    @Test
    void v010HasNoSchemaUrlBecauseNoneCouldBeConfirmed() {
        assertThat(SemconvVersion.V0_1_0.schemaUrl()).isEmpty();
    }

    @Test
    void fromIdFindsEachVersionByTheIdUsersWrite() {
        assertThat(SemconvVersion.fromId("0.1.0")).contains(SemconvVersion.V0_1_0);
        assertThat(SemconvVersion.fromId("1.41.0")).contains(SemconvVersion.V1_41_0);
        assertThat(SemconvVersion.fromId(" 1.41.0 ")).contains(SemconvVersion.V1_41_0);
    }

    @Test
    void fromIdRejectsNullAndUnknownIds() {
        assertThat(SemconvVersion.fromId(null)).isEmpty();
        assertThat(SemconvVersion.fromId("")).isEmpty();
        assertThat(SemconvVersion.fromId("0.1")).isEmpty();
        assertThat(SemconvVersion.fromId("1.41")).isEmpty();
        assertThat(SemconvVersion.fromId("V0_1_0")).isEmpty();
        assertThat(SemconvVersion.fromId("0.1.0,1.41.0")).isEmpty();
    }

    @Test
    void theOneFourOneProfileRecordsTheEventsOfToday() {
        assertThat(SemconvVersion.V1_41_0.events())
                .extracting(EventDefinition::name, EventDefinition::severity, EventDefinition::optIn)
                .containsExactly(
                        tuple("gen_ai.client.inference.operation.details", Severity.INFO, true),
                        tuple("gen_ai.client.operation.exception", Severity.WARN, false),
                        tuple("gen_ai.evaluation.result", Severity.INFO, false));
    }

    @Test
    void v010RecordsDetailsAtDebugAndExceptionsPerFamilyAtWarn() {
        assertThat(SemconvVersion.V0_1_0.events())
                .extracting(EventDefinition::name, EventDefinition::severity, EventDefinition::optIn)
                .containsExactly(
                        tuple("gen_ai.client.inference.operation.details", Severity.DEBUG, true),
                        tuple("gen_ai.client.inference.exception", Severity.WARN, false),
                        tuple("gen_ai.execute_tool.exception", Severity.WARN, false),
                        tuple("gen_ai.client.operation.exception", Severity.WARN, false),
                        tuple("gen_ai.evaluation.result", Severity.INFO, false));
    }

    @Test
    void theOneFourOneProfileRecordsEveryFailureAsAClientOperationException() {
        for (String operation : List.of("chat", "embeddings", "execute_tool", "invoke_agent", "custom")) {
            assertThat(SemconvVersion.V1_41_0.exceptionEvent(operation).name())
                    .as(operation)
                    .isEqualTo("gen_ai.client.operation.exception");
        }
    }

    @Test
    void v010RecordsInferenceFailuresAsInferenceExceptions() {
        for (String operation : List.of("chat", "text_completion", "generate_content")) {
            assertThat(SemconvVersion.V0_1_0.exceptionEvent(operation)).as(operation)
                    .isSameAs(GenAiEvents.CLIENT_INFERENCE_EXCEPTION);
        }
    }

    @Test
    void v010RecordsToolFailuresAsToolExceptions() {
        assertThat(SemconvVersion.V0_1_0.exceptionEvent("execute_tool").name())
                .isEqualTo("gen_ai.execute_tool.exception");
    }

    @Test
    void v010RecordsOtherFailuresAsClientOperationExceptions() {
        for (String operation : List.of("embeddings", "retrieval", "create_agent", "invoke_agent", "fetch_response",
                "search_memory", "my_custom_op")) {
            assertThat(SemconvVersion.V0_1_0.exceptionEvent(operation).name())
                    .as(operation)
                    .isEqualTo("gen_ai.client.operation.exception");
        }
        assertThat(SemconvVersion.V0_1_0.exceptionEvent(null)).isSameAs(GenAiEvents.CLIENT_OPERATION_EXCEPTION);
    }

}
