package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalRegistrationTest {

    private static final String CAPTURE = "otel.instrumentation.genai.capture-message-content";

    @AfterEach
    void reset() {
        GlobalOpenTelemetry.resetForTest();
        System.clearProperty(CAPTURE);
    }

    private static GenAiOpenTelemetryBuilder quiet() {
        return GenAiOpenTelemetry.builder().setDefaultProperty("otel.traces.exporter", "none")
                .setDefaultProperty("otel.metrics.exporter", "none").setDefaultProperty("otel.logs.exporter", "none");
    }

    @Test
    void registeredGloballyTheSettingsInCodeReachTelemetryCreatedFromTheGlobalInstance() {
        // A span processor is needed for the SDK to hand out recording spans: the console exporter gives one.
        try (GenAiOpenTelemetry otel = quiet().setDefaultProperty("otel.traces.exporter", "console")
                .setContentCapture(ContentCapture.SPAN_ONLY).setRegisterGlobal(true).build()) {
            assertThat(GlobalOpenTelemetry.get().getTracer("x").spanBuilder("s").startSpan().getSpanContext()
                    .isValid()).isTrue();
            try (GenAiTelemetry later = GenAiTelemetry.create(GlobalOpenTelemetry.get())) {
                assertThat(later.settings().contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
            }
            assertThat(otel.genAiTelemetry().settings().contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
        }
    }

    @Test
    void notRegisteredByDefault() {
        try (GenAiOpenTelemetry otel = quiet().build()) {
            assertThat(otel.openTelemetry()).isNotNull();
            GlobalOpenTelemetry.set(io.opentelemetry.api.OpenTelemetry.noop());
        }
    }

    @Test
    void registeringWhenAGlobalInstanceIsSetFails() {
        GlobalOpenTelemetry.set(io.opentelemetry.api.OpenTelemetry.noop());

        assertThatThrownBy(() -> quiet().setRegisterGlobal(true).build()).isInstanceOf(IllegalStateException.class);
    }
}
