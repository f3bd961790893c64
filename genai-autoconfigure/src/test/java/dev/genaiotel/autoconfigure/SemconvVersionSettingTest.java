package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.autoconfigure.internal.SystemPropertyBridge;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code otel.instrumentation.genai.semconv-version} is read from the configuration autoconfigure resolved, like every
 * other {@code otel.instrumentation.genai.*} setting, and published for a {@code GenAiTelemetry} created later.
 */
class SemconvVersionSettingTest {

    private static final String KEY = "otel.instrumentation.genai.semconv-version";

    /** Built with the value given only as an autoconfigure property (a default, not a system property). */
    private static GenAiOpenTelemetry withProperty(String value, InMemoryMetricReader reader) {
        return GenAiOpenTelemetry.builder()
                .setDefaultProperty("otel.traces.exporter", "none")
                .setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none")
                .setDefaultProperty(KEY, value)
                .addMetricReader(reader)
                .build();
    }

    private static List<String> metricNamesOfOneChat(GenAiOpenTelemetry otel, InMemoryMetricReader reader) {
        otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-mini").build())
                .end(InferenceResponse.builder().usage(TokenUsage.of(9, 3)).build());
        return reader.collectAllMetrics().stream().map(MetricData::getName).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1.41.0; gen_ai.client.operation.duration; gen_ai.client.inference.duration",
        "0.1.0; gen_ai.client.inference.duration; gen_ai.client.operation.duration",
    })
    void theVersionFromTheAutoconfigurePropertiesReachesTheTelemetry(String value, String emitted,
            String notEmitted) {
        assertThat(System.getProperty(KEY)).isNull();
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (GenAiOpenTelemetry otel = withProperty(value, reader)) {
            assertThat(otel.genAiTelemetry().semconvVersions())
                    .containsExactly(SemconvVersion.fromId(value).orElseThrow());
            assertThat(metricNamesOfOneChat(otel, reader)).contains(emitted).doesNotContain(notEmitted);
        }
    }

    @Test
    void bothVersionsFromTheAutoconfigurePropertiesReachTheTelemetry() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (GenAiOpenTelemetry otel = withProperty("0.1.0,1.41.0", reader)) {
            assertThat(otel.genAiTelemetry().semconvVersions())
                    .containsExactlyInAnyOrder(SemconvVersion.V0_1_0, SemconvVersion.V1_41_0);
            assertThat(metricNamesOfOneChat(otel, reader))
                    .contains("gen_ai.client.inference.duration", "gen_ai.client.operation.duration");
        }
    }

    @Test
    void anInvalidValueFallsBackToV010WithOneWarning() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (LogCapture logs = new LogCapture(); GenAiOpenTelemetry otel = withProperty("1.42", reader)) {
            assertThat(otel.genAiTelemetry().semconvVersions()).containsExactly(SemconvVersion.V0_1_0);
            List<LogRecord> warnings = logs.records.stream()
                    .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(record -> formatted(record).contains("'1.42'"))
                    .toList();
            assertThat(warnings).singleElement()
                    .satisfies(record -> assertThat(formatted(record)).contains(KEY, "0.1.0"));
        }
    }

    private static String formatted(LogRecord record) {
        return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    }

    @Test
    void theResolvedVersionIsPublishedForATelemetryCreatedLater() {
        assertThat(System.getProperty(KEY)).isNull();
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none", KEY, "1.41.0"))
                .build()
                .getOpenTelemetrySdk();
        try (GenAiTelemetry telemetry = GenAiTelemetry.create(sdk)) {
            assertThat(System.getProperty(KEY)).isEqualTo("1.41.0");
            assertThat(telemetry.semconvVersions()).containsExactly(SemconvVersion.V1_41_0);
        } finally {
            System.clearProperty(KEY);
            sdk.close();
        }
    }

    @Test
    void publishingCopiesTheVersionOnlyWhenGenAiCoreWouldNotReadItItself() {
        Map<String, String> published = new LinkedHashMap<>();

        SystemPropertyBridge.publish(DefaultConfigProperties.createFromMap(Map.of(KEY, "0.1.0,1.41.0")),
                name -> null, Map.of("OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION", "1.41.0")::get, published::put);
        SystemPropertyBridge.publish(DefaultConfigProperties.createFromMap(Map.of(KEY, "1.41.0")),
                name -> null, Map.of("OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION", "1.41.0")::get, published::put);

        assertThat(published).containsExactly(Map.entry(KEY, "0.1.0,1.41.0"));
    }
}
