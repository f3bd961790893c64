package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genaiotel.semconv.MetricDefinition.Instrument;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenAiClientMetricsTest {

    private static final List<Double> DURATION_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    private static final List<Double> TOKEN_BUCKETS = List.of(
            1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0,
            16777216.0, 67108864.0);

    @Test
    void everyV010ClientMetricHasItsNameInstrumentAndUnit() {
        assertThat(GenAiClientMetrics.all())
                .extracting(MetricDefinition::name, MetricDefinition::instrument, MetricDefinition::unit)
                .containsExactly(
                        tuple("gen_ai.client.inference.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.inference.time_to_first_chunk", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.inference.time_per_output_chunk", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.inference.usage.input_tokens", Instrument.LONG_COUNTER, "{token}"),
                        tuple("gen_ai.client.inference.usage.output_tokens", Instrument.LONG_COUNTER, "{token}"),
                        tuple("gen_ai.client.inference.usage.cache_read.input_tokens", Instrument.LONG_COUNTER,
                                "{token}"),
                        tuple("gen_ai.client.inference.usage.cache_write.input_tokens", Instrument.LONG_COUNTER,
                                "{token}"),
                        tuple("gen_ai.client.inference.usage.reasoning.output_tokens", Instrument.LONG_COUNTER,
                                "{token}"),
                        tuple("gen_ai.client.inference.operation.input_tokens", Instrument.LONG_HISTOGRAM,
                                "{token}"),
                        tuple("gen_ai.client.inference.operation.output_tokens", Instrument.LONG_HISTOGRAM,
                                "{token}"),
                        tuple("gen_ai.client.embeddings.duration", Instrument.DOUBLE_HISTOGRAM, "s"),
                        tuple("gen_ai.client.embeddings.operation.input_tokens", Instrument.LONG_HISTOGRAM,
                                "{token}"));
    }

    @Test
    void durationHistogramsAdviseTheDurationBuckets() {
        assertThat(List.of(
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION,
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK,
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK,
                        GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_DURATION))
                .allSatisfy(metric -> assertThat(metric.bucketBoundaries()).as(metric.name())
                        .isEqualTo(DURATION_BUCKETS));
    }

    @Test
    void perOperationTokenHistogramsAdvisePowersOfFourUpToSixtySevenMillion() {
        assertThat(List.of(
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS,
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS,
                        GenAiClientMetrics.GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS))
                .allSatisfy(metric -> assertThat(metric.bucketBoundaries()).as(metric.name())
                        .isEqualTo(TOKEN_BUCKETS));
    }

    @Test
    void usageCountersAreLongCountersWithoutBuckets() {
        assertThat(GenAiClientMetrics.all())
                .filteredOn(metric -> metric.name().startsWith("gen_ai.client.inference.usage."))
                .hasSize(5)
                .allSatisfy(metric -> {
                    assertThat(metric.instrument()).as(metric.name()).isEqualTo(Instrument.LONG_COUNTER);
                    assertThat(metric.bucketBoundaries()).as(metric.name()).isEmpty();
                });
    }

    @Test
    void noV010ClientMetricReusesANameOfTheOneFourOneProfile() {
        List<String> oldNames = GenAiMetrics.all().stream().map(MetricDefinition::name).toList();

        assertThat(GenAiClientMetrics.all()).extracting(MetricDefinition::name).doesNotContainAnyElementsOf(oldNames);
    }

    @Test
    void allContainsEveryMetricConstantExactlyOnce() {
        assertThat(GenAiClientMetrics.all()).containsExactlyInAnyOrderElementsOf(constants());
    }

    @Test
    void everyDefinitionHasADescription() {
        assertThat(GenAiClientMetrics.all()).allSatisfy(metric -> assertThat(metric.description()).isNotBlank());
    }

    /** Every static MetricDefinition field of GenAiClientMetrics. */
    private static List<MetricDefinition> constants() {
        List<MetricDefinition> constants = new ArrayList<>();
        for (Field field : GenAiClientMetrics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == MetricDefinition.class) {
                try {
                    constants.add((MetricDefinition) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(constants).hasSize(12);
        return constants;
    }
}
