package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.message.InputMessage;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpExportTest {

    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new OtlpReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private GenAiOpenTelemetryBuilder otlpToReceiver() {
        return GenAiOpenTelemetry.builder()
                .setServiceName("otlp-test")
                .setExportPreset(ExportPreset.otlp(receiver.endpoint()))
                .setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none");
    }

    private static SpanContext chat(GenAiOpenTelemetry otel) {
        Inference inference = otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-mini")
                .temperature(0.2)
                .inputMessages(List.of(InputMessage.text("user", "Say hello")))
                .build());
        SpanContext context = inference.spanContext();
        inference.end(InferenceResponse.builder().responseId("chatcmpl-1").responseModel("gpt-4o-mini-2024-07-18")
                .finishReasons(List.of("stop")).usage(TokenUsage.of(9, 3)).build());
        return context;
    }

    @Test
    void inferenceSpanReachesTheReceiverOverHttpProtobufAndDecodesToTheSameSpan() {
        SpanContext recorded;
        try (GenAiOpenTelemetry otel = otlpToReceiver().build()) {
            recorded = chat(otel);
        }

        assertThat(receiver.traceRequests()).hasSize(1);
        assertThat(receiver.traceRequests().get(0).contentType()).isEqualTo("application/x-protobuf");
        List<Map.Entry<ResourceSpans, Span>> spans = receiver.spans();
        assertThat(spans).hasSize(1);
        Span span = spans.get(0).getValue();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(Otlp.hex(span.getTraceId())).isEqualTo(recorded.getTraceId());
        assertThat(Otlp.hex(span.getSpanId())).isEqualTo(recorded.getSpanId());
        Map<String, Object> attributes = Otlp.attributes(span.getAttributesList());
        assertThat(attributes)
                .containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "openai")
                .containsEntry("gen_ai.request.model", "gpt-4o-mini")
                .containsEntry("gen_ai.request.temperature", 0.2)
                .containsEntry("gen_ai.response.id", "chatcmpl-1")
                .containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                .containsEntry("gen_ai.usage.input_tokens", 9L)
                .containsEntry("gen_ai.usage.output_tokens", 3L)
                .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                .doesNotContainKey("gen_ai.input.messages");
        assertThat(Otlp.attributes(spans.get(0).getKey().getResource().getAttributesList()))
                .containsEntry("service.name", "otlp-test");
    }

    @Test
    void contentCaptureSetInCodeReachesTheExportedSpan() {
        try (GenAiOpenTelemetry otel = otlpToReceiver().setContentCapture(ContentCapture.SPAN_ONLY).build()) {
            assertThat(otel.genAiTelemetry().settings().contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
            chat(otel);
        }

        Map<String, Object> attributes = Otlp.attributes(receiver.spans().get(0).getValue().getAttributesList());
        assertThat((String) attributes.get("gen_ai.input.messages")).contains("Say hello");
    }

    @Test
    void structuredEventContentIsEncodedForTheExporterOnItsOwnThread() {
        try (GenAiOpenTelemetry otel = otlpToReceiver().setDefaultProperty("otel.logs.exporter", "otlp")
                .setContentCapture(ContentCapture.SPAN_AND_EVENT).build()) {
            chat(otel);
        }

        List<LogRecord> records = receiver.logRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
        Map<String, Object> attributes = Otlp.attributes(records.get(0).getAttributesList());
        assertThat(attributes.get("gen_ai.input.messages")).isEqualTo(List.of(Map.of("role", "user",
                "parts", List.of(Map.of("type", "text", "content", "Say hello")))));
        assertThat(attributes).containsEntry("gen_ai.response.id", "chatcmpl-1");
        Map<String, Object> span = Otlp.attributes(receiver.spans().get(0).getValue().getAttributesList());
        assertThat(span).containsEntry("gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say hello\"}]}]");
    }
}
