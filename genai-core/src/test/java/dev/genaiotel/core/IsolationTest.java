package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class IsolationTest {

    static final class ThrowingListener implements GenAiListener {
        @Override
        public void onStart(GenAiOperation operation) {
            throw new IllegalStateException("listener broke on start");
        }

        @Override
        public void onEnd(GenAiOperation operation) {
            throw new IllegalStateException("listener broke on end");
        }
    }

    static final class RecordingListener implements GenAiListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onStart(GenAiOperation operation) {
            calls.add("start " + operation.operationName());
        }

        @Override
        public void onEnd(GenAiOperation operation) {
            calls.add("end " + ((InferenceResponse) operation.response()).responseId());
        }
    }

    @Test
    void throwingListenerIsLoggedOnceAndNeitherTheCallerNorLaterListenersSeeIt() {
        TelemetryFixture fixture = TelemetryFixture.legacyNames();
        RecordingListener later = new RecordingListener();
        GenAiTelemetry telemetry = fixture.builder().addListener(new ThrowingListener()).addListener(later).build();
        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.genaiotel.core");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        boolean parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try {
            assertThatCode(() -> {
                for (int i = 0; i < 3; i++) {
                    telemetry.startInference(InferenceRequest.chat("openai", "m").build())
                            .end(InferenceResponse.metadata("r" + i, null, null));
                }
            }).doesNotThrowAnyException();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parentHandlers);
        }

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(3);
        assertThat(later.calls).containsExactly("start chat", "end r0", "start chat", "end r1", "start chat", "end r2");
        assertThat(logged).hasSize(2);
        assertThat(logged).extracting(r -> r.getThrown().getMessage())
                .containsExactly("listener broke on start", "listener broke on end");
    }

    @Test
    void throwingExporterNeverReachesTheCallerAndMetricsAreStillRecorded() {
        SpanExporter broken = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                throw new IllegalStateException("exporter down");
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        TelemetryFixture fixture = new TelemetryFixture(broken).emit(SemconvVersion.V1_41_0);
        GenAiTelemetry telemetry = fixture.telemetry();

        assertThatCode(() -> telemetry.startInference(InferenceRequest.chat("openai", "m").build())
                .end(InferenceResponse.builder().usage(TokenUsage.of(1, 2)).build()))
                .doesNotThrowAnyException();

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(1);
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name()).getHistogramData().getPoints())
                .hasSize(2);
    }
}
