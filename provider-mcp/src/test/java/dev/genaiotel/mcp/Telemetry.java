package dev.genaiotel.mcp;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.ContentRedactor;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;

/** An SDK with W3C propagation wired to in-memory exporters, and GenAI telemetry that ignores the environment. */
final class Telemetry {

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    GenAiTelemetry genAi(ContentCapture capture) {
        return builder(capture).build();
    }

    /** GenAI telemetry whose content goes through {@code redactor}. */
    GenAiTelemetry genAi(ContentCapture capture, ContentRedactor redactor) {
        return builder(capture).addContentRedactor(redactor).build();
    }

    private GenAiTelemetryBuilder builder(ContentCapture capture) {
        return GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setServiceLoaderContentRedactors(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(capture);
    }

    McpTelemetry mcp(ContentCapture capture) {
        return McpTelemetry.create(genAi(capture));
    }

    /** The one finished span named {@code name} of {@code kind}. */
    SpanData span(String name, SpanKind kind) {
        List<SpanData> matching = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && span.getKind() == kind)
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + kind + " span " + name + ", got "
                    + spans.getFinishedSpanItems());
        }
        return matching.get(0);
    }

    /** The histogram points of {@code name}. */
    List<HistogramPointData> histogram(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(metric -> metric.getName().equals(name))
                .map(MetricData::getHistogramData)
                .flatMap(data -> data.getPoints().stream())
                .toList();
    }
}
