package dev.genaiotel.compat;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server on loopback playing the provider, an OpenTelemetry SDK whose spans are read back from an
 * in-memory exporter, and the GenAI engine with content captured on spans, so that the content mappings (where
 * client versions differ most) run too. What the instrumentation logs as its own failure must be a method or class
 * the client version lacks ({@link LinkageError}), recorded less, and nothing else.
 */
abstract class CompatibilityFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer server;
    InMemorySpanExporter spans;
    OpenTelemetrySdk sdk;
    GenAiTelemetry genAi;
    final List<LogRecord> instrumentationWarnings = new CopyOnWriteArrayList<>();
    private final Logger instrumentationLogger = Logger.getLogger("dev.genaiotel");
    private final Handler warnings = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                instrumentationWarnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void startFixture() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spans = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        genAi = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .build();
        instrumentationLogger.addHandler(warnings);
    }

    @AfterEach
    void stopFixture() {
        instrumentationLogger.removeHandler(warnings);
        genAi.close();
        server.stop();
        sdk.close();
        // Inside the range, what the instrumentation may lose is what a version lacks, nothing else.
        assertThat(instrumentationWarnings).allSatisfy(warning -> assertThat(warning.getThrown())
                .as(warning.getMessage()).isInstanceOf(LinkageError.class));
    }

    /** Waits at most 10 s for the one span of the test (streams end theirs on another thread), then returns it. */
    SpanData awaitOnlySpan() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    static <T> T attr(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    /** The text of the first part of the first output message recorded on {@code span}. */
    static String outputText(SpanData span, AttributeKey<String> messages) throws Exception {
        JsonNode output = JSON.readTree(attr(span, messages));
        return output.get(0).get("parts").get(0).get("content").asText();
    }
}
