package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.TokenUsage.ModalityTokens;
import dev.genaiotel.semconv.GenAiClientMetrics;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GenAI conventions v0.1.0 metrics, emitted by default, reach a local OTLP/HTTP receiver and decode to the
 * instruments, units, buckets and attributes the conventions define.
 */
class OtlpMetricsExportTest {

    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new OtlpReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** One chat with audio counted by the provider; closing the SDK flushes the metrics to the receiver. */
    private void chatAndClose() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder()
                .setServiceName("otlp-metrics-test")
                .setExportPreset(ExportPreset.otlp(receiver.endpoint()))
                .setDefaultProperty("otel.traces.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none")
                .build()) {
            otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-audio-preview").build())
                    .end(InferenceResponse.builder().responseModel("gpt-4o-audio-preview-2025-06-03")
                            .usage(new TokenUsage(74L, 70L, null, null, null).withModalities(
                                    List.of(new ModalityTokens("audio", 59L, 58L, null))))
                            .build());
        }
    }

    private Metric metric(String name) {
        List<Metric> named = receiver.metrics().stream().filter(m -> m.getName().equals(name)).toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }

    /** A usage counter's values by {@code gen_ai.token.modality}, after checking it is a cumulative monotonic sum. */
    private Map<Object, Long> byModality(String name) {
        Metric metric = metric(name);
        assertThat(metric.getDataCase()).isEqualTo(Metric.DataCase.SUM);
        assertThat(metric.getUnit()).isEqualTo("{token}");
        assertThat(metric.getSum().getIsMonotonic()).isTrue();
        assertThat(metric.getSum().getAggregationTemporality())
                .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        Map<Object, Long> values = new HashMap<>();
        for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
            Map<String, Object> attributes = Otlp.attributes(point.getAttributesList());
            assertThat(attributes).containsEntry("gen_ai.operation.name", "chat")
                    .containsEntry("gen_ai.provider.name", "openai")
                    .containsEntry("gen_ai.request.model", "gpt-4o-audio-preview");
            values.put(attributes.get("gen_ai.token.modality"), point.getAsInt());
        }
        return values;
    }

    @Test
    void theInferenceDurationReachesTheReceiverAsAHistogramInSecondsWithTheAdvisedBuckets() {
        chatAndClose();

        assertThat(receiver.metrics()).extracting(Metric::getName)
                .doesNotContain("gen_ai.client.operation.duration", "gen_ai.client.token.usage");
        Metric duration = metric("gen_ai.client.inference.duration");
        assertThat(duration.getDataCase()).isEqualTo(Metric.DataCase.HISTOGRAM);
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogram().getDataPointsList()).singleElement().satisfies(point -> {
            assertThat(point.getCount()).isEqualTo(1);
            assertThat(point.getExplicitBoundsList())
                    .isEqualTo(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.bucketBoundaries());
            assertThat(Otlp.attributes(point.getAttributesList())).isEqualTo(Map.of(
                    "gen_ai.operation.name", "chat",
                    "gen_ai.provider.name", "openai",
                    "gen_ai.request.model", "gpt-4o-audio-preview",
                    "gen_ai.response.model", "gpt-4o-audio-preview-2025-06-03"));
        });
    }

    @Test
    void theUsageCountersReachTheReceiverSplitByTokenModality() {
        chatAndClose();

        assertThat(byModality("gen_ai.client.inference.usage.input_tokens"))
                .isEqualTo(Map.of("audio", 59L, "unknown", 15L));
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens"))
                .isEqualTo(Map.of("audio", 58L, "unknown", 12L));
        HistogramDataPoint perOperation = metric("gen_ai.client.inference.operation.input_tokens").getHistogram()
                .getDataPoints(0);
        assertThat(perOperation.getSum()).isEqualTo(74.0);
        assertThat(Otlp.attributes(perOperation.getAttributesList())).doesNotContainKey("gen_ai.token.modality");
    }
}
