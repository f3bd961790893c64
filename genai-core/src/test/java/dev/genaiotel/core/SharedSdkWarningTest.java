package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A second GenAiTelemetry on the same SDK with another content mode is the autoconfigure trap: it must be loud. */
class SharedSdkWarningTest {

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger logger = Logger.getLogger(GenAiTelemetry.class.getName());
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

    private static GenAiTelemetry build(OpenTelemetry openTelemetry, ContentCapture capture) {
        return GenAiTelemetry.builder(openTelemetry).setContentCapture(capture).build();
    }

    @Test
    void secondTelemetryWithAnotherContentModeOnTheSameSdkWarnsOnce() {
        OpenTelemetry sdk = OpenTelemetry.propagating(ContextPropagators.noop());
        build(sdk, ContentCapture.SPAN_ONLY);
        build(sdk, ContentCapture.NO_CONTENT);
        build(sdk, ContentCapture.EVENT_ONLY);

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getParameters()).containsExactly(ContentCapture.NO_CONTENT,
                ContentCapture.SPAN_ONLY);
        assertThat(warnings.get(0).getMessage()).contains("OpenAITelemetry.create(genAiOpenTelemetry.genAiTelemetry())");
    }

    @Test
    void telemetriesWithTheSameContentModeOnOneSdkDoNotWarn() {
        OpenTelemetry sdk = OpenTelemetry.propagating(ContextPropagators.noop());
        build(sdk, ContentCapture.SPAN_AND_EVENT);
        build(sdk, ContentCapture.SPAN_AND_EVENT);

        assertThat(warnings).isEmpty();
    }

    @Test
    void telemetriesWithDifferentContentModesOnDifferentSdksDoNotWarn() {
        build(OpenTelemetry.propagating(ContextPropagators.noop()), ContentCapture.SPAN_ONLY);
        build(OpenTelemetry.propagating(ContextPropagators.noop()), ContentCapture.NO_CONTENT);

        assertThat(warnings).isEmpty();
    }
}
