package dev.genaiotel.testsupport;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_MODALITY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.GenAiTelemetryBuilder;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.MetricDefinition;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three settings of {@code otel.instrumentation.genai.semconv-version} and the checks every provider's
 * {@code SemconvVersionsTest} makes of the metrics and events they emit: each metric's instrument type, unit and
 * advised buckets against its definition in genai-semconv, its exact attribute sets, and the equality of the points
 * recorded under both names in the dual setting.
 */
public final class SemconvSignals {

    /** One value of the setting. */
    public enum Setting {
        V0_1_0("0.1.0", SemconvVersion.V0_1_0),
        V1_41_0("1.41.0", SemconvVersion.V1_41_0),
        BOTH("0.1.0,1.41.0", SemconvVersion.V0_1_0, SemconvVersion.V1_41_0);

        private final String value;
        private final SemconvVersion[] versions;

        Setting(String value, SemconvVersion... versions) {
            this.value = value;
            this.versions = versions;
        }

        /** Whether the v0.1.0 names are emitted. */
        public boolean current() {
            return this != V1_41_0;
        }

        /** Whether the 1.41.0 names are emitted. */
        public boolean legacy() {
            return this != V0_1_0;
        }

        /** Chooses this setting on a telemetry builder, as code would. */
        public void apply(GenAiTelemetryBuilder builder) {
            builder.setSemconvVersion(versions[0], versions.length > 1 ? new SemconvVersion[] {versions[1]}
                    : new SemconvVersion[0]);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** The inference metric names of a setting; the chunk metrics only for a stream. */
    public static Set<String> inferenceMetricNames(Setting setting, boolean streamed, boolean cacheRead,
            boolean reasoning) {
        Set<String> names = new LinkedHashSet<>();
        if (setting.current()) {
            names.add("gen_ai.client.inference.duration");
            names.add("gen_ai.client.inference.usage.input_tokens");
            names.add("gen_ai.client.inference.usage.output_tokens");
            names.add("gen_ai.client.inference.operation.input_tokens");
            names.add("gen_ai.client.inference.operation.output_tokens");
            if (cacheRead) {
                names.add("gen_ai.client.inference.usage.cache_read.input_tokens");
            }
            if (reasoning) {
                names.add("gen_ai.client.inference.usage.reasoning.output_tokens");
            }
            if (streamed) {
                names.add("gen_ai.client.inference.time_to_first_chunk");
                names.add("gen_ai.client.inference.time_per_output_chunk");
            }
        }
        if (setting.legacy()) {
            names.add("gen_ai.client.operation.duration");
            names.add("gen_ai.client.token.usage");
            if (streamed) {
                names.add("gen_ai.client.operation.time_to_first_chunk");
                names.add("gen_ai.client.operation.time_per_output_chunk");
            }
        }
        if (streamed) {
            // Ours, under every setting: the stream's output tokens per second.
            names.add("gen_ai.client.stream.output_tokens_per_second");
        }
        return names;
    }

    /** The embeddings metric names of a setting. */
    public static Set<String> embeddingsMetricNames(Setting setting) {
        Set<String> names = new LinkedHashSet<>();
        if (setting.current()) {
            names.add("gen_ai.client.embeddings.duration");
            names.add("gen_ai.client.embeddings.operation.input_tokens");
        }
        if (setting.legacy()) {
            names.add("gen_ai.client.operation.duration");
            names.add("gen_ai.client.token.usage");
        }
        return names;
    }

    /** The metrics by name; fails on a name collected twice. */
    public static Map<String, MetricData> byName(Collection<MetricData> metrics) {
        Map<String, MetricData> byName = new HashMap<>();
        for (MetricData data : metrics) {
            assertThat(byName.put(data.getName(), data)).as("metric %s collected twice", data.getName()).isNull();
        }
        return byName;
    }

    /** The definition genai-semconv holds for a metric name; fails when it holds none. */
    public static MetricDefinition definition(String name) {
        List<MetricDefinition> all = new ArrayList<>(GenAiClientMetrics.all());
        all.addAll(GenAiMetrics.all());
        return all.stream().filter(definition -> definition.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no definition named " + name));
    }

    /**
     * Checks a metric against its definition (instrument type, monotonicity, unit, description, the advised buckets
     * of every point) and that its points carry exactly the given attribute sets.
     */
    public static void assertMetric(MetricData data, Set<Attributes> attributeSets) {
        MetricDefinition definition = definition(data.getName());
        assertThat(data.getUnit()).as("unit of %s", data.getName()).isEqualTo(definition.unit());
        assertThat(data.getDescription()).as("description of %s", data.getName())
                .isEqualTo(definition.description());
        switch (definition.instrument()) {
            case DOUBLE_HISTOGRAM, LONG_HISTOGRAM -> {
                assertThat(data.getType()).as("type of %s", data.getName()).isEqualTo(MetricDataType.HISTOGRAM);
                for (HistogramPointData point : data.getHistogramData().getPoints()) {
                    assertThat(point.getBoundaries()).as("buckets of %s", data.getName())
                            .isEqualTo(definition.bucketBoundaries());
                }
            }
            case LONG_COUNTER -> {
                assertThat(data.getType()).as("type of %s", data.getName()).isEqualTo(MetricDataType.LONG_SUM);
                assertThat(data.getLongSumData().isMonotonic()).as("%s is monotonic", data.getName()).isTrue();
            }
            default -> throw new AssertionError("unexpected instrument " + definition.instrument());
        }
        assertThat(attributeSets(data)).as("attribute sets of %s", data.getName())
                .containsExactlyInAnyOrderElementsOf(attributeSets);
    }

    /** The attribute sets of a metric's points. */
    public static List<Attributes> attributeSets(MetricData data) {
        List<Attributes> sets = new ArrayList<>();
        for (PointData point : data.getData().getPoints()) {
            sets.add(point.getAttributes());
        }
        return sets;
    }

    /** {@code base} with one more string attribute. */
    public static Attributes with(Attributes base, AttributeKey<String> key, String value) {
        return base.toBuilder().put(key, value).build();
    }

    /** {@code base} without the given attributes. */
    public static Attributes without(Attributes base, AttributeKey<?>... keys) {
        var builder = base.toBuilder();
        for (AttributeKey<?> key : keys) {
            builder.remove(key);
        }
        return builder.build();
    }

    /** The two histograms have the same points: attributes, counts, sums, bucket counts. */
    public static void assertSameHistogram(MetricData current, MetricData legacy) {
        assertThat(summaries(current.getHistogramData().getPoints()))
                .as("%s equals %s", current.getName(), legacy.getName())
                .isEqualTo(summaries(legacy.getHistogramData().getPoints()));
    }

    private static Set<List<Object>> summaries(Collection<HistogramPointData> points) {
        Set<List<Object>> summaries = new HashSet<>();
        for (HistogramPointData point : points) {
            summaries.add(List.of(point.getAttributes(), point.getCount(), point.getSum(), point.getCounts()));
        }
        return summaries;
    }

    /** The sum of a counter's points over every {@code gen_ai.token.modality}. */
    public static long counterTotal(MetricData counter) {
        long total = 0;
        for (LongPointData point : counter.getLongSumData().getPoints()) {
            total += point.getValue();
        }
        return total;
    }

    /** The sum and count of the {@code gen_ai.client.token.usage} points of one {@code gen_ai.token.type}. */
    public static List<Object> legacyTokens(MetricData tokenUsage, String type) {
        HistogramPointData point = tokenUsage.getHistogramData().getPoints().stream()
                .filter(p -> type.equals(p.getAttributes().get(GenAiAttributes.GEN_AI_TOKEN_TYPE)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " point"));
        return List.of(point.getAttributes().toBuilder().remove(GenAiAttributes.GEN_AI_TOKEN_TYPE).build(),
                point.getCount(), point.getSum(), point.getCounts());
    }

    /** The same summary of a v0.1.0 per-operation token histogram's only point. */
    public static List<Object> operationTokens(MetricData histogram) {
        assertThat(histogram.getHistogramData().getPoints()).hasSize(1);
        HistogramPointData point = histogram.getHistogramData().getPoints().iterator().next();
        return List.of(point.getAttributes(), point.getCount(), point.getSum(), point.getCounts());
    }

    /** Checks each inference metric of the setting, with {@code chunk} the attributes of the chunk points. */
    public static void assertInferenceMetrics(Setting setting, Map<String, MetricData> metrics, Attributes common,
            Attributes chunk) {
        for (String name : metrics.keySet()) {
            Set<Attributes> expected = switch (name) {
                case "gen_ai.client.inference.usage.input_tokens",
                        "gen_ai.client.inference.usage.output_tokens",
                        "gen_ai.client.inference.usage.cache_read.input_tokens",
                        "gen_ai.client.inference.usage.reasoning.output_tokens" ->
                        Set.of(with(common, GEN_AI_TOKEN_MODALITY, "unknown"));
                case "gen_ai.client.token.usage" -> Set.of(with(common, GEN_AI_TOKEN_TYPE, "input"),
                        with(common, GEN_AI_TOKEN_TYPE, "output"));
                case "gen_ai.client.inference.time_to_first_chunk",
                        "gen_ai.client.inference.time_per_output_chunk",
                        "gen_ai.client.operation.time_to_first_chunk",
                        "gen_ai.client.operation.time_per_output_chunk",
                        "gen_ai.client.stream.output_tokens_per_second" -> Set.of(chunk);
                default -> Set.of(common);
            };
            assertMetric(metrics.get(name), expected);
        }
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.inference.duration"),
                    metrics.get("gen_ai.client.operation.duration"));
            MetricData legacy = metrics.get("gen_ai.client.token.usage");
            assertThat(operationTokens(metrics.get("gen_ai.client.inference.operation.input_tokens")))
                    .isEqualTo(legacyTokens(legacy, "input"));
            assertThat(operationTokens(metrics.get("gen_ai.client.inference.operation.output_tokens")))
                    .isEqualTo(legacyTokens(legacy, "output"));
            assertThat((double) counterTotal(metrics.get("gen_ai.client.inference.usage.input_tokens")))
                    .isEqualTo(legacyTokens(legacy, "input").get(2));
            assertThat((double) counterTotal(metrics.get("gen_ai.client.inference.usage.output_tokens")))
                    .isEqualTo(legacyTokens(legacy, "output").get(2));
        }
    }

    /** Checks each embeddings metric of the setting and, in the dual setting, their equality. */
    public static void assertEmbeddingsMetrics(Setting setting, Map<String, MetricData> metrics, Attributes common) {
        for (String name : metrics.keySet()) {
            assertMetric(metrics.get(name), name.equals("gen_ai.client.token.usage")
                    ? Set.of(with(common, GEN_AI_TOKEN_TYPE, "input")) : Set.of(common));
        }
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.embeddings.duration"),
                    metrics.get("gen_ai.client.operation.duration"));
            assertThat(operationTokens(metrics.get("gen_ai.client.embeddings.operation.input_tokens")))
                    .isEqualTo(legacyTokens(metrics.get("gen_ai.client.token.usage"), "input"));
        }
    }

    /**
     * A failed inference: only its duration, with {@code failed} (which carries {@code error.type}), and the details
     * event plus the inference exception event of each version in use, at WARN.
     */
    public static void assertFailedInference(Setting setting, Map<String, MetricData> metrics, Attributes failed,
            List<LogRecordData> events) {
        List<String> durations = new ArrayList<>();
        List<String> expectedEvents = new ArrayList<>(List.of("gen_ai.client.inference.operation.details"));
        if (setting.current()) {
            durations.add("gen_ai.client.inference.duration");
            expectedEvents.add("gen_ai.client.inference.exception");
        }
        if (setting.legacy()) {
            durations.add("gen_ai.client.operation.duration");
            expectedEvents.add("gen_ai.client.operation.exception");
        }
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(durations);
        for (String name : durations) {
            assertMetric(metrics.get(name), Set.of(failed));
        }
        if (setting == Setting.BOTH) {
            assertSameHistogram(metrics.get("gen_ai.client.inference.duration"),
                    metrics.get("gen_ai.client.operation.duration"));
        }
        assertThat(eventNames(events)).containsExactlyInAnyOrderElementsOf(expectedEvents);
        for (LogRecordData event : events) {
            assertThat(event.getSeverity()).as(event.getEventName()).isEqualTo(
                    event.getEventName().endsWith(".exception") ? Severity.WARN : detailsSeverity(setting));
        }
    }

    /**
     * A failed embeddings call: only its duration, with {@code failed}, and {@code gen_ai.client.operation.exception}
     * once, at WARN, in every setting (v0.1.0 names no embeddings exception event of its own).
     */
    public static void assertFailedEmbeddings(Setting setting, Map<String, MetricData> metrics, Attributes failed,
            List<LogRecordData> events) {
        List<String> durations = new ArrayList<>();
        if (setting.current()) {
            durations.add("gen_ai.client.embeddings.duration");
        }
        if (setting.legacy()) {
            durations.add("gen_ai.client.operation.duration");
        }
        assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(durations);
        for (String name : durations) {
            assertMetric(metrics.get(name), Set.of(failed));
        }
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getEventName()).isEqualTo("gen_ai.client.operation.exception");
            assertThat(event.getSeverity()).isEqualTo(Severity.WARN);
        });
    }

    /** The details event's severity: DEBUG in v0.1.0 alone; INFO whenever 1.41.0 is emitted, alone or with it. */
    public static Severity detailsSeverity(Setting setting) {
        return setting == Setting.V0_1_0 ? Severity.DEBUG : Severity.INFO;
    }

    /** Exactly one event: the details event, at the setting's severity. */
    public static void assertOneDetailsEvent(Setting setting, List<LogRecordData> events) {
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
            assertThat(event.getSeverity()).isEqualTo(detailsSeverity(setting));
        });
    }

    /** The event names of the emitted log records, in order. */
    public static List<String> eventNames(List<LogRecordData> events) {
        List<String> names = new ArrayList<>();
        for (LogRecordData event : events) {
            names.add(event.getEventName());
        }
        return names;
    }

    private SemconvSignals() {}
}
