package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.genaiotel.semconv.MetricDefinition.Instrument;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenAiMetricsTest {

    private static final List<Double> DURATION_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    @Test
    void allContainsEveryMetricConstantExactlyOnce() {
        assertThat(GenAiMetrics.all()).containsExactlyInAnyOrderElementsOf(constants());
    }

    @Test
    void metricNamesAreUnique() {
        List<String> names = GenAiMetrics.all().stream().map(MetricDefinition::name).collect(Collectors.toList());

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everySemconvMetricOfSectionSixIsDefinedWithItsInstrumentAndUnit() {
        assertThat(GenAiMetrics.all())
                .extracting(MetricDefinition::name, MetricDefinition::instrument, MetricDefinition::unit)
                .containsExactly(
                        tuple("gen_ai.client.token.usage", Instrument.LONG_HISTOGRAM, "{token}"),
                        tuple("gen_ai.client.operation.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.operation.time_to_first_chunk", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.operation.time_per_output_chunk", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.server.request.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.server.time_per_output_token", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.server.time_to_first_token", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.workflow.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.invoke_agent.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.invoke_agent.inference_calls", Instrument.LONG_HISTOGRAM, "{inference_call}"),
                        tuple("gen_ai.invoke_agent.tool_calls", Instrument.LONG_HISTOGRAM, "{tool_call}"),
                        tuple("gen_ai.execute_tool.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.usage.cost", Instrument.DOUBLE_COUNTER, "{cost}"),
                        tuple("gen_ai.upload.dropped", Instrument.LONG_COUNTER, "{upload}"),
                        tuple("gen_ai.client.cache.lookups", Instrument.LONG_COUNTER, "{lookup}"),
                        tuple("gen_ai.client.stream.output_tokens_per_second", Instrument.DOUBLE_HISTOGRAM,
                                "{token}/s"));
    }

    @Test
    void durationHistogramsAdviseTheSemconvDurationBuckets() {
        assertThat(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.bucketBoundaries()).isEqualTo(DURATION_BUCKETS);
        assertThat(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK.bucketBoundaries())
                .isEqualTo(DURATION_BUCKETS);
        assertThat(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.bucketBoundaries())
                .isEqualTo(DURATION_BUCKETS);
        assertThat(GenAiMetrics.GEN_AI_SERVER_REQUEST_DURATION.bucketBoundaries()).isEqualTo(DURATION_BUCKETS);
        assertThat(GenAiMetrics.GEN_AI_EXECUTE_TOOL_DURATION.bucketBoundaries()).isEqualTo(DURATION_BUCKETS);
    }

    @Test
    void tokenUsageAdvisesPowersOfFourUpToSixtySevenMillion() {
        assertThat(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.bucketBoundaries()).containsExactly(
                1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0,
                16777216.0, 67108864.0);
    }

    @Test
    void agentMetricsAdviseTheSemconvBuckets() {
        assertThat(GenAiMetrics.GEN_AI_INVOKE_AGENT_DURATION.bucketBoundaries()).containsExactly(
                0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6);
        assertThat(GenAiMetrics.GEN_AI_INVOKE_AGENT_INFERENCE_CALLS.bucketBoundaries())
                .containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0);
        assertThat(GenAiMetrics.GEN_AI_INVOKE_AGENT_TOOL_CALLS.bucketBoundaries())
                .containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0);
    }

    @Test
    void serverAndWorkflowHistogramsAdviseTheirOwnSemconvBuckets() {
        assertThat(GenAiMetrics.GEN_AI_SERVER_TIME_PER_OUTPUT_TOKEN.bucketBoundaries()).containsExactly(
                0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);
        assertThat(GenAiMetrics.GEN_AI_SERVER_TIME_TO_FIRST_TOKEN.bucketBoundaries()).containsExactly(
                0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
        assertThat(GenAiMetrics.GEN_AI_WORKFLOW_DURATION.bucketBoundaries()).containsExactly(
                1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0);
    }

    @Test
    void countersAdviseNoBuckets() {
        assertThat(GenAiMetrics.GEN_AI_CLIENT_USAGE_COST.bucketBoundaries()).isEmpty();
        assertThat(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.bucketBoundaries()).isEmpty();
        assertThat(GenAiMetrics.GEN_AI_CLIENT_CACHE_LOOKUPS.bucketBoundaries()).isEmpty();
    }

    @Test
    void streamThroughputAdvisesBucketsFromOneToFiveThousandTokensPerSecond() {
        assertThat(GenAiMetrics.GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND.bucketBoundaries()).containsExactly(
                1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0);
    }

    @Test
    void ourMetricsStayOutOfTheConventionsInferenceNamespace() {
        assertThat(List.of(GenAiMetrics.GEN_AI_CLIENT_CACHE_LOOKUPS,
                        GenAiMetrics.GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND))
                .extracting(MetricDefinition::name)
                .noneMatch(name -> name.startsWith("gen_ai.client.inference."));
    }

    @Test
    void everyDefinitionHasADescription() {
        assertThat(GenAiMetrics.all()).allSatisfy(metric -> assertThat(metric.description()).isNotBlank());
    }

    @Test
    void bucketBoundariesAreAnImmutableCopy() {
        List<Double> buckets = new ArrayList<>(List.of(1.0, 2.0));
        MetricDefinition metric =
                new MetricDefinition("m", Instrument.DOUBLE_HISTOGRAM, "s", "A metric.", buckets);

        buckets.add(3.0);

        assertThat(metric.bucketBoundaries()).containsExactly(1.0, 2.0);
        assertThatThrownBy(() -> metric.bucketBoundaries().add(4.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void definitionRejectsMissingComponentsNamingThem() {
        assertThatThrownBy(() -> new MetricDefinition(null, Instrument.LONG_COUNTER, "1", "d", List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new MetricDefinition("m", null, "1", "d", List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("instrument");
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.LONG_COUNTER, null, "d", List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.LONG_COUNTER, "1", null, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("description");
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.LONG_COUNTER, "1", "d", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("bucketBoundaries");
    }

    @Test
    void definitionRejectsBucketsThatAreNotStrictlyIncreasingOrThatACounterCannotUse() {
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.DOUBLE_HISTOGRAM, "s", "d", List.of(2.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.DOUBLE_HISTOGRAM, "s", "d", List.of(1.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricDefinition(
                        "m", Instrument.DOUBLE_HISTOGRAM, "s", "d", List.of(1.0, Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricDefinition("m", Instrument.LONG_COUNTER, "1", "d", List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every static MetricDefinition field of GenAiMetrics. */
    private static List<MetricDefinition> constants() {
        List<MetricDefinition> constants = new ArrayList<>();
        for (Field field : GenAiMetrics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == MetricDefinition.class) {
                try {
                    constants.add((MetricDefinition) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(constants).hasSizeGreaterThanOrEqualTo(14);
        return constants;
    }
}
