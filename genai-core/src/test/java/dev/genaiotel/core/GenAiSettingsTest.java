package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenAiSettingsTest {

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger logger = Logger.getLogger(GenAiSettings.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureWarnings() {
        logger.addHandler(handler);
    }

    @AfterEach
    void releaseWarnings() {
        logger.removeHandler(handler);
    }

    private static GenAiSettings read(Map<String, String> properties, Map<String, String> environment) {
        return GenAiSettings.from(properties::get, environment::get);
    }

    @Test
    void defaultsAreEnabledWithoutContentOrEvents() {
        GenAiSettings settings = read(Map.of(), Map.of());

        assertThat(settings).isEqualTo(GenAiSettings.defaults());
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.contentCapture()).isEqualTo(ContentCapture.NO_CONTENT);
        assertThat(settings.emitEvent()).isFalse();
        assertThat(settings.emitExceptionEvent()).isFalse();
        assertThat(settings.maxContentChars()).isEqualTo(1 << 20);
        assertThat(warnings).isEmpty();
    }

    @Test
    void environmentVariablesAreRead() {
        GenAiSettings settings = read(Map.of(), Map.of(
                "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "event_only",
                "OTEL_INSTRUMENTATION_GENAI_ENABLED", "FALSE",
                "OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_CHARS", "64"));

        assertThat(settings.contentCapture()).isEqualTo(ContentCapture.EVENT_ONLY);
        assertThat(settings.emitEvent()).isTrue();
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.maxContentChars()).isEqualTo(64);
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        GenAiSettings settings = read(
                Map.of("otel.instrumentation.genai.capture-message-content", "SPAN_ONLY",
                        "otel.instrumentation.genai.emit-event", "true"),
                Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "EVENT_ONLY",
                        "OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT", "false"));

        assertThat(settings.contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
        assertThat(settings.emitEvent()).isTrue();
    }

    @Test
    void codeWinsOverSystemPropertyAndEnvironment() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(
                        Map.of("otel.instrumentation.genai.capture-message-content", "SPAN_ONLY",
                                "otel.instrumentation.genai.enabled", "false"),
                        Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "EVENT_ONLY"))
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .setEnabled(true)
                .build();

        assertThat(telemetry.settings().contentCapture()).isEqualTo(ContentCapture.SPAN_AND_EVENT);
        assertThat(telemetry.settings().emitEvent()).isTrue();
        assertThat(telemetry.isEnabled()).isTrue();
    }

    @Test
    void contentModeSetInCodeKeepsAnEventSwitchConfiguredOutside() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT", "false"))
                .setContentCapture(ContentCapture.EVENT_ONLY)
                .build();

        assertThat(telemetry.settings().emitEvent()).isFalse();
        assertThat(telemetry.settings().captureContent()).isFalse();
    }

    @Test
    void trueMeansSpanOnlyAndFalseMeansNoContent() {
        assertThat(read(Map.of("otel.instrumentation.genai.capture-message-content", "True"), Map.of())
                .contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
        assertThat(read(Map.of("otel.instrumentation.genai.capture-message-content", "false"), Map.of())
                .contentCapture()).isEqualTo(ContentCapture.NO_CONTENT);
        assertThat(warnings).isEmpty();
    }

    @Test
    void invalidCaptureModeLogsOneWarningAndFallsBackToNoContent() {
        GenAiSettings settings =
                read(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "everything"));

        assertThat(settings.contentCapture()).isEqualTo(ContentCapture.NO_CONTENT);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getParameters()).contains("everything",
                "environment variable OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT");
    }

    @Test
    void invalidEventSwitchLogsOneWarningAndFallsBackToTheModesDefault() {
        GenAiSettings settings = read(Map.of("otel.instrumentation.genai.emit-event", "yes"),
                Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "SPAN_AND_EVENT"));

        assertThat(settings.emitEvent()).isTrue();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void invalidNumbersAndBooleansLogOneWarningEachAndFallBack() {
        GenAiSettings settings = read(Map.of(
                "otel.instrumentation.genai.max-content-chars", "-5",
                "otel.instrumentation.genai.enabled", "maybe"), Map.of());

        assertThat(settings.maxContentChars()).isEqualTo(GenAiSettings.DEFAULT_MAX_CONTENT_CHARS);
        assertThat(settings.enabled()).isTrue();
        assertThat(warnings).hasSize(2);
    }

    @Test
    void blankValuesCountAsUnset() {
        GenAiSettings settings = read(Map.of("otel.instrumentation.genai.capture-message-content", " "),
                Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "SPAN_ONLY"));

        assertThat(settings.contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
        assertThat(warnings).isEmpty();
    }

    @Test
    void contentBudgetsDefault() {
        GenAiSettings settings = read(Map.of(), Map.of());

        assertThat(settings.maxPartChars()).isEqualTo(16_384);
        assertThat(settings.maxContentAttributesChars()).isEqualTo(65_536);
        assertThat(settings.blobMaxBytes()).isZero();
        assertThat(new GenAiSettings(true, ContentCapture.NO_CONTENT, false, false, 10, false))
                .isEqualTo(new GenAiSettings(true, ContentCapture.NO_CONTENT, false, false, 10, false,
                        GenAiSettings.DEFAULT_MAX_PART_CHARS, GenAiSettings.DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS,
                        GenAiSettings.DEFAULT_BLOB_MAX_BYTES));
    }

    @Test
    void contentBudgetsAreReadFromTheEnvironment() {
        GenAiSettings settings = read(Map.of(), Map.of(
                "OTEL_INSTRUMENTATION_GENAI_MAX_PART_CHARS", "100",
                "OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS", " 2000 ",
                "OTEL_INSTRUMENTATION_GENAI_BLOB_MAX_BYTES", "4096"));

        assertThat(settings.maxPartChars()).isEqualTo(100);
        assertThat(settings.maxContentAttributesChars()).isEqualTo(2000);
        assertThat(settings.blobMaxBytes()).isEqualTo(4096);
        assertThat(warnings).isEmpty();
    }

    @Test
    void contentBudgetSystemPropertiesWinOverTheEnvironment() {
        GenAiSettings settings = read(Map.of(
                        "otel.instrumentation.genai.max-part-chars", "200",
                        "otel.instrumentation.genai.max-content-attributes-chars", "3000",
                        "otel.instrumentation.genai.blob-max-bytes", "0"),
                Map.of("OTEL_INSTRUMENTATION_GENAI_MAX_PART_CHARS", "100",
                        "OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS", "2000",
                        "OTEL_INSTRUMENTATION_GENAI_BLOB_MAX_BYTES", "4096"));

        assertThat(settings.maxPartChars()).isEqualTo(200);
        assertThat(settings.maxContentAttributesChars()).isEqualTo(3000);
        assertThat(settings.blobMaxBytes()).isZero();
    }

    @Test
    void contentBudgetsSetInCodeWinOverSystemPropertiesAndEnvironment() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(
                        Map.of("otel.instrumentation.genai.max-part-chars", "200",
                                "otel.instrumentation.genai.blob-max-bytes", "7"),
                        Map.of("OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS", "2000"))
                .setMaxPartChars(300)
                .setMaxContentAttributesChars(4000)
                .setBlobMaxBytes(9)
                .build();

        assertThat(telemetry.settings().maxPartChars()).isEqualTo(300);
        assertThat(telemetry.settings().maxContentAttributesChars()).isEqualTo(4000);
        assertThat(telemetry.settings().blobMaxBytes()).isEqualTo(9);
    }

    @Test
    void invalidContentBudgetsLogOneWarningEachAndFallBack() {
        GenAiSettings settings = read(Map.of(
                        "otel.instrumentation.genai.max-part-chars", "0",
                        "otel.instrumentation.genai.blob-max-bytes", "-1"),
                Map.of("OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS", "64k"));

        assertThat(settings.maxPartChars()).isEqualTo(GenAiSettings.DEFAULT_MAX_PART_CHARS);
        assertThat(settings.maxContentAttributesChars())
                .isEqualTo(GenAiSettings.DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS);
        assertThat(settings.blobMaxBytes()).isEqualTo(GenAiSettings.DEFAULT_BLOB_MAX_BYTES);
        assertThat(warnings).hasSize(3);
        assertThat(warnings).extracting(record -> record.getParameters()[1]).containsExactlyInAnyOrder(
                "system property otel.instrumentation.genai.max-part-chars",
                "system property otel.instrumentation.genai.blob-max-bytes",
                "environment variable OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS");
    }

    @Test
    void invalidContentBudgetsInCodeAreRejected() {
        GenAiTelemetryBuilder builder = new TelemetryFixture().builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.setMaxPartChars(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.setMaxContentAttributesChars(0));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.setBlobMaxBytes(-1));
    }
}
