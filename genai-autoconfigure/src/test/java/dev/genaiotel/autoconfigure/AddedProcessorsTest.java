package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.message.InputMessage;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddedProcessorsTest {

    @Test
    void processorsAndReadersAddedInCodeSeeWhatTheGenAiTelemetryRecords() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        InMemoryLogRecordExporter events = InMemoryLogRecordExporter.create();
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder()
                .setDefaultProperty("otel.traces.exporter", "none")
                .setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none")
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(events))
                .addMetricReader(metrics)
                .build()) {
            otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-mini")
                    .inputMessages(List.of(InputMessage.text("user", "Capital of France?"))).build()).end();

            assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
                assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
                assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_INPUT_MESSAGES)).contains("Capital");
            });
            assertThat(events.getFinishedLogRecordItems()).hasSize(1);
            assertThat(metrics.collectAllMetrics()).extracting(metric -> metric.getName())
                    .contains("gen_ai.client.inference.duration");
        }
    }
}
