package dev.genaiotel.langchain4j;

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
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An SDK wired to in-memory exporters, and LangChain4j telemetry over it that ignores the process's environment. */
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

    LangChain4jTelemetry langChain4j(ContentCapture capture) {
        return LangChain4jTelemetry.builder(genAi(capture)).build();
    }

    /** GenAI telemetry over the in-memory SDK with {@code capture}, ignoring the process's environment. */
    GenAiTelemetry genAi(ContentCapture capture) {
        return GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .setContentCapture(capture)
                .build();
    }

    LangChain4jTelemetry langChain4j() {
        return langChain4j(ContentCapture.NO_CONTENT);
    }

    /** The finished spans once {@code count} of them are there, waiting for spans that end on another thread. */
    List<SpanData> awaitSpans(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
            sleep(5);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != count) {
            throw new AssertionError("expected " + count + " spans, got " + finished);
        }
        return finished;
    }

    SpanData awaitSpan() {
        return awaitSpans(1).get(0);
    }

    static <T> T attribute(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
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
