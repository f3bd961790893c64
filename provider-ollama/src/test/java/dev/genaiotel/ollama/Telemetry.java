package dev.genaiotel.ollama;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An SDK wired to in-memory exporters, and Ollama telemetry over it that ignores the process's environment. */
final class Telemetry {

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setLoggerProvider(SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
            .build();

    OllamaTelemetry ollama(ContentCapture capture) {
        return builder(capture).build();
    }

    /** Keeps small blobs (the core omits them by default) so tests can see how images map to blob parts. */
    OllamaTelemetryBuilder builder(ContentCapture capture) {
        return OllamaTelemetry.builder(genAi(capture));
    }

    /** GenAI telemetry over the in-memory SDK with {@code capture}, ignoring the process's environment. */
    GenAiTelemetry genAi(ContentCapture capture) {
        return GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(capture)
                .setBlobMaxBytes(1024)
                .build();
    }

    OllamaTelemetry ollama() {
        return ollama(ContentCapture.NO_CONTENT);
    }

    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    /** The one finished span, waiting a little for spans that end on another thread. */
    SpanData awaitSpan() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            sleep(5);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    static <T> T attribute(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    static EventData exception(SpanData span) {
        return span.getEvents().stream().filter(e -> e.getName().equals("exception")).findFirst()
                .orElseThrow(() -> new AssertionError("no exception event on " + span));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
