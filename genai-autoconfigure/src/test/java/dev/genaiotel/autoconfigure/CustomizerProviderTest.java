package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.autoconfigure.internal.ContentAttributeLimits;
import dev.genaiotel.autoconfigure.internal.SystemPropertyBridge;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The customizer provider as an application on autoconfigure meets it: found by ServiceLoader when the SDK is built
 * with {@link AutoConfiguredOpenTelemetrySdk}, nothing registered by hand.
 */
class CustomizerProviderTest {

    private static final int ATTRIBUTES_SET = 300;

    /** Builds the SDK the plain autoconfigure way, with the given properties, and counts the attributes kept. */
    private static int attributesKept(Map<String, String> properties) {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        Map<String, String> all = new HashMap<>(properties);
        all.put("otel.traces.exporter", "none");
        all.put("otel.metrics.exporter", "none");
        all.put("otel.logs.exporter", "none");
        all.put("otel.instrumentation.genai.autoconfigure.publish-system-properties", "false");
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> all)
                .addTracerProviderCustomizer((builder, config) ->
                        builder.addSpanProcessor(SimpleSpanProcessor.create(spans)))
                .build()
                .getOpenTelemetrySdk();
        try {
            Span span = sdk.getTracer("test").spanBuilder("many").startSpan();
            for (int i = 0; i < ATTRIBUTES_SET; i++) {
                span.setAttribute("a" + i, i);
            }
            span.end();
            return spans.getFinishedSpanItems().get(0).getAttributes().size();
        } finally {
            sdk.close();
        }
    }

    @Test
    void contentCaptureOnRaisesTheSpanAttributeCountLimit() {
        assertThat(attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "SPAN_ONLY")))
                .isEqualTo(ATTRIBUTES_SET);
        assertThat(ContentAttributeLimits.RAISED_SPAN_ATTRIBUTE_COUNT).isGreaterThan(ATTRIBUTES_SET);
    }

    @Test
    void contentCaptureOffKeepsTheSdkDefaultLimit() {
        assertThat(attributesKept(Map.of())).isEqualTo(128);
        assertThat(attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "false")))
                .isEqualTo(128);
    }

    @Test
    void captureOnButGenAiDisabledKeepsTheSdkDefaultLimit() {
        assertThat(attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "true",
                "otel.instrumentation.genai.enabled", "false"))).isEqualTo(128);
    }

    @Test
    void aLimitTheUserSetIsKeptEvenWithCaptureOn() {
        assertThat(attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "true",
                "otel.span.attribute.count.limit", "50"))).isEqualTo(50);
        assertThat(attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "span_and_event",
                "otel.attribute.count.limit", "60"))).isEqualTo(60);
    }

    @Test
    void aValueLengthLimitBelowTheContentBudgetIsKeptWithOneWarning() {
        try (LogCapture logs = new LogCapture()) {
            attributesKept(Map.of("otel.instrumentation.genai.capture-message-content", "true",
                    "otel.attribute.value.length.limit", "4096"));
            assertThat(logs.text()).contains("otel.attribute.value.length.limit=4096")
                    .contains("otel.instrumentation.genai.max-content-attributes-chars");
        }
    }

    @Test
    void settingsResolvedByAutoconfigureReachAGenAiTelemetryCreatedLater() {
        String key = "otel.instrumentation.genai.capture-message-content";
        assertThat(System.getProperty(key)).isNull();
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none", key, "SPAN_AND_EVENT"))
                .build()
                .getOpenTelemetrySdk();
        try (GenAiTelemetry telemetry = GenAiTelemetry.create(sdk)) {
            assertThat(System.getProperty(key)).isEqualTo("SPAN_AND_EVENT");
            assertThat(telemetry.settings().contentCapture()).isEqualTo(ContentCapture.SPAN_AND_EVENT);
        } finally {
            System.clearProperty(key);
            sdk.close();
        }
    }

    @Test
    void publishingCopiesOnlyValuesThatGenAiCoreWouldNotReadItself() {
        Map<String, String> resolved = Map.of(
                "otel.instrumentation.genai.capture-message-content", "SPAN_ONLY", // from a supplier: published
                "otel.instrumentation.genai.emit-event", "true", // already the environment's value: left alone
                "otel.instrumentation.genai.max-part-chars", "100"); // differs from the system property: code won
        Map<String, String> systemProperties = Map.of("otel.instrumentation.genai.max-part-chars", "200");
        Map<String, String> environment = Map.of("OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT", "true");
        Map<String, String> published = new LinkedHashMap<>();

        SystemPropertyBridge.publish(DefaultConfigProperties.createFromMap(resolved), systemProperties::get,
                environment::get, published::put);

        assertThat(published).containsExactly(
                Map.entry("otel.instrumentation.genai.capture-message-content", "SPAN_ONLY"),
                Map.entry("otel.instrumentation.genai.max-part-chars", "100"));
    }

    @Test
    void publishingSwitchedOffCopiesNothing() {
        Map<String, String> published = new LinkedHashMap<>();
        SystemPropertyBridge.publish(DefaultConfigProperties.createFromMap(Map.of(
                "otel.instrumentation.genai.capture-message-content", "SPAN_ONLY",
                "otel.instrumentation.genai.autoconfigure.publish-system-properties", "false")),
                name -> null, name -> null, published::put);

        assertThat(published).isEmpty();
    }

    @Test
    void genAiOpenTelemetryDoesNotPublishUnlessRegisteredGlobally() {
        String key = "otel.instrumentation.genai.capture-message-content";
        try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder().setContentCapture(ContentCapture.SPAN_ONLY)
                .setDefaultProperty("otel.traces.exporter", "none").setDefaultProperty("otel.metrics.exporter", "none")
                .setDefaultProperty("otel.logs.exporter", "none").build()) {
            assertThat(otel.genAiTelemetry().settings().contentCapture()).isEqualTo(ContentCapture.SPAN_ONLY);
            assertThat(System.getProperty(key)).isNull();
        }
    }
}
