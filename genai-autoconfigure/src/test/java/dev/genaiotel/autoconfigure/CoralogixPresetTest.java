package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.InferenceRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoralogixPresetTest {

    private static final String TOKEN = "cxtp_S3cr3tT0ken+with/odd=chars";

    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new OtlpReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private ExportPreset coralogixFromEnvironment(Map<String, String> environment) {
        return ExportPreset.coralogix("llm-app", "chat-subsystem").withEnvironment(environment::get);
    }

    private GenAiOpenTelemetryBuilder toReceiver(ExportPreset preset) {
        return GenAiOpenTelemetry.builder()
                .setServiceName("coralogix-test")
                .setExportPreset(preset)
                .setDefaultProperty("otel.exporter.otlp.protocol", "http/protobuf")
                .setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none");
    }

    @Test
    void sendsTheBearerTokenAndTheCoralogixResourceAttributesReadFromTheEnvironment() {
        ExportPreset preset = coralogixFromEnvironment(Map.of("CX_TOKEN", TOKEN, "CX_ENDPOINT", receiver.endpoint()));
        try (GenAiOpenTelemetry otel = toReceiver(preset).build()) {
            otel.genAiTelemetry().startInference(InferenceRequest.chat("aws.bedrock", "claude").build()).end();
        }

        assertThat(receiver.traceRequests()).hasSize(1);
        assertThat(receiver.traceRequests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        Map<String, Object> resource = Otlp.attributes(receiver.spans().get(0).getKey().getResource()
                .getAttributesList());
        assertThat(resource)
                .containsEntry("cx.application.name", "llm-app")
                .containsEntry("cx.subsystem.name", "chat-subsystem")
                .containsEntry("service.name", "coralogix-test");
        assertThat(resource.values()).noneMatch(value -> String.valueOf(value).contains("S3cr3t"));
        assertThat(Otlp.attributes(receiver.spans().get(0).getValue().getAttributesList()).values())
                .noneMatch(value -> String.valueOf(value).contains("S3cr3t"));
    }

    @Test
    void tokenSetInCodeWinsOverTheEnvironment() {
        ExportPreset preset = coralogixFromEnvironment(Map.of("CX_TOKEN", "from-env"))
                .withEndpoint(receiver.endpoint()).withToken(TOKEN);
        try (GenAiOpenTelemetry otel = toReceiver(preset).build()) {
            otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "m").build()).end();
        }

        assertThat(receiver.traceRequests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void tokenNeverAppearsInLogsOrToString() {
        ExportPreset preset = coralogixFromEnvironment(Map.of("CX_ENDPOINT", receiver.endpoint())).withToken(TOKEN);
        String described;
        try (LogCapture logs = new LogCapture()) {
            try (GenAiOpenTelemetry otel = toReceiver(preset).build()) {
                otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "m").build()).end();
                described = otel + " " + otel.openTelemetry() + " " + otel.openTelemetry().getSdkTracerProvider()
                        + " " + preset + " " + otel.resource();
            }
            assertThat(logs.records).isNotEmpty();
            assertThat(logs.text()).doesNotContain("S3cr3t");
        }

        assertThat(receiver.traceRequests()).hasSize(1);
        assertThat(described).contains("OtlpHttpSpanExporter").contains("Authorization").doesNotContain("S3cr3t");
        assertThat(preset.toString()).contains("token=***");
    }

    @Test
    void defaultsToGrpcAtTheCoralogixIngressForAHostAndPortEndpoint() {
        ExportPreset preset = coralogixFromEnvironment(Map.of("CX_TOKEN", TOKEN,
                "CX_ENDPOINT", "ingress.eu2.coralogix.com:443"));
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setExportPreset(preset)
                .setDefaultProperty("otel.metrics.exporter", "none").setDefaultProperty("otel.logs.exporter", "none")
                .build()) {
            String tracer = otel.openTelemetry().getSdkTracerProvider().toString();
            assertThat(tracer).contains("OtlpGrpcSpanExporter")
                    .contains("endpoint=https://ingress.eu2.coralogix.com:443")
                    .doesNotContain("S3cr3t");
            assertThat(otel.resource().getAttribute(ExportPreset.CX_APPLICATION_NAME)).isEqualTo("llm-app");
            assertThat(otel.resource().getAttribute(ExportPreset.CX_SUBSYSTEM_NAME)).isEqualTo("chat-subsystem");
        }
    }

    @Test
    void missingTokenOrEndpointFailsTheBuildWithTheVariableToSet() {
        assertThatThrownBy(() -> toReceiver(coralogixFromEnvironment(Map.of("CX_ENDPOINT", "eu2.coralogix.com")))
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("CX_TOKEN");
        assertThatThrownBy(() -> toReceiver(coralogixFromEnvironment(Map.of("CX_TOKEN", TOKEN))).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CX_ENDPOINT")
                .hasMessageNotContaining("S3cr3t");
    }
}
