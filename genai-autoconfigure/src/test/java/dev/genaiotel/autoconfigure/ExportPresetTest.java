package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.autoconfigure.internal.CoralogixEndpoint;
import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.Test;

class ExportPresetTest {

    @Test
    void consolePresetUsesTheReadableConsoleExportersForEverySignal() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setServiceName("console-app")
                .setExportPreset(ExportPreset.console()).build()) {
            assertThat(otel.openTelemetry().getSdkTracerProvider().toString()).contains("GenAiConsoleSpanExporter")
                    .doesNotContain("Otlp");
            assertThat(otel.openTelemetry().getSdkMeterProvider().toString()).contains("GenAiConsoleMetricExporter");
            assertThat(otel.openTelemetry().getSdkLoggerProvider().toString())
                    .contains("GenAiConsoleLogRecordExporter");
            assertThat(otel.resource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("console-app");
        }
    }

    @Test
    void otlpPresetUsesTheOtlpExportersAtTheGivenEndpoint() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder()
                .setExportPreset(ExportPreset.otlp("http://127.0.0.1:14318")).build()) {
            assertThat(otel.openTelemetry().getSdkTracerProvider().toString()).contains("OtlpHttpSpanExporter")
                    .contains("endpoint=http://127.0.0.1:14318/v1/traces");
            assertThat(otel.openTelemetry().getSdkMeterProvider().toString()).contains("OtlpHttpMetricExporter");
            assertThat(otel.openTelemetry().getSdkLoggerProvider().toString()).contains("OtlpHttpLogRecordExporter");
        }
    }

    @Test
    void otlpPresetProtocolCanBeSwitchedBackToGrpc() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setExportPreset(ExportPreset.otlp())
                .setDefaultProperty("otel.exporter.otlp.protocol", "grpc").build()) {
            assertThat(otel.openTelemetry().getSdkTracerProvider().toString()).contains("OtlpGrpcSpanExporter")
                    .contains("endpoint=http://localhost:4317");
        }
    }

    @Test
    void withoutAPresetAutoconfigureDefaultsApply() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.create()) {
            assertThat(otel.openTelemetry().getSdkTracerProvider().toString()).contains("OtlpGrpcSpanExporter");
            assertThat(otel.toString()).contains("from OTEL_* settings");
        }
    }

    @Test
    void aDisabledSdkStillGivesAWorkingGenAiTelemetryThatRecordsNothing() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setExportPreset(ExportPreset.console())
                .setDefaultProperty("otel.sdk.disabled", "true").build()) {
            otel.genAiTelemetry().startInference(dev.genaiotel.core.InferenceRequest.chat("openai", "m").build())
                    .end();
            assertThat(otel.openTelemetry().getSdkTracerProvider().toString())
                    .doesNotContain("GenAiConsoleSpanExporter");
        }
    }

    @Test
    void defaultPropertyOverridesThePresetAndResourceAttributesMerge() {
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setServiceName("svc")
                .setExportPreset(ExportPreset.console())
                .setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.resource.attributes", "deployment.environment.name=test").build()) {
            assertThat(otel.openTelemetry().getSdkMeterProvider().toString())
                    .doesNotContain("GenAiConsoleMetricExporter");
            assertThat(otel.resource().getAttribute(AttributeKey.stringKey("deployment.environment.name")))
                    .isEqualTo("test");
            assertThat(otel.resource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("svc");
        }
    }

    @Test
    void theConsolePresetTakesNoEndpointAndOnlyCoralogixTakesAToken() {
        assertThatThrownBy(() -> ExportPreset.console().withEndpoint("http://x")).isInstanceOf(
                IllegalStateException.class);
        assertThatThrownBy(() -> ExportPreset.otlp().withToken("t")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExportPreset.coralogix(" ", "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coralogixEndpointFormsBecomeOtlpUrls() {
        assertThat(CoralogixEndpoint.toUrl("ingress.eu2.coralogix.com:443"))
                .isEqualTo("https://ingress.eu2.coralogix.com:443");
        assertThat(CoralogixEndpoint.toUrl("eu2.coralogix.com")).isEqualTo("https://ingress.eu2.coralogix.com:443");
        assertThat(CoralogixEndpoint.toUrl("ingress.coralogix.us")).isEqualTo("https://ingress.coralogix.us:443");
        assertThat(CoralogixEndpoint.toUrl("https://ingress.eu1.coralogix.com/"))
                .isEqualTo("https://ingress.eu1.coralogix.com");
        assertThat(CoralogixEndpoint.toUrl(" http://127.0.0.1:4318 ")).isEqualTo("http://127.0.0.1:4318");
        assertThatThrownBy(() -> CoralogixEndpoint.toUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
