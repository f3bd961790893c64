package dev.genaiotel.core;

import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An SDK wired to in-memory exporters, and a telemetry builder over it that ignores the real environment. */
final class TelemetryFixture {

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    final OpenTelemetrySdk sdk;
    private SemconvVersion[] versions = new SemconvVersion[0];

    TelemetryFixture() {
        this(null);
    }

    /** A fixture whose telemetry emits the given conventions versions, whatever the environment says. */
    static TelemetryFixture emitting(SemconvVersion... versions) {
        return new TelemetryFixture().emit(versions);
    }

    /** Makes this fixture's telemetry emit the given conventions versions, whatever the environment says. */
    TelemetryFixture emit(SemconvVersion... emitted) {
        versions = emitted.clone();
        return this;
    }

    /** A fixture for the tests of the 1.41.0 names, which the project emitted before v0.1.0. */
    static TelemetryFixture legacyNames() {
        return emitting(SemconvVersion.V1_41_0);
    }

    TelemetryFixture(SpanExporter extraExporter) {
        SdkTracerProviderBuilder tracer = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans));
        if (extraExporter != null) {
            tracer.addSpanProcessor(SimpleSpanProcessor.create(extraExporter));
        }
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(tracer.build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
                .build();
    }

    /** A builder reading settings from the given maps only (system properties, environment). */
    GenAiTelemetryBuilder builder(Map<String, String> systemProperties, Map<String, String> environment) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(systemProperties::get, environment::get);
        if (versions.length > 0) {
            builder.setSemconvVersion(versions[0], Arrays.copyOfRange(versions, 1, versions.length));
        }
        return builder;
    }

    GenAiTelemetryBuilder builder() {
        return builder(Map.of(), Map.of());
    }

    GenAiTelemetry telemetry() {
        return builder().build();
    }

    GenAiTelemetry telemetry(Consumer<GenAiTelemetryBuilder> configure) {
        GenAiTelemetryBuilder builder = builder();
        configure.accept(builder);
        return builder.build();
    }

    SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    List<LogRecordData> events() {
        return logs.getFinishedLogRecordItems();
    }

    List<MetricData> allMetrics() {
        return new ArrayList<>(metrics.collectAllMetrics());
    }

    MetricData metric(String name) {
        for (MetricData data : metrics.collectAllMetrics()) {
            if (data.getName().equals(name)) {
                return data;
            }
        }
        return null;
    }

    /** The histogram points of a metric, each as its attributes. */
    static List<Attributes> pointAttributes(MetricData data) {
        List<Attributes> result = new ArrayList<>();
        for (HistogramPointData point : data.getHistogramData().getPoints()) {
            result.add(point.getAttributes());
        }
        return result;
    }
}
