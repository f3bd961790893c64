package dev.genaiotel.core;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one easy mistake loud: a second {@link GenAiTelemetry} recording into the same {@link OpenTelemetry} with a
 * different content capture mode. It is what {@code XTelemetry.create(openTelemetry)} gives when the application
 * configured its GenAI settings in code on a first telemetry (for example genai-autoconfigure's
 * {@code setContentCapture}), and would otherwise silently record with the settings of the environment instead.
 */
final class SharedSdkCheck {

    private static final Logger LOGGER = Logger.getLogger(GenAiTelemetry.class.getName());

    /** The first content capture mode built on each live OpenTelemetry; weak, so an SDK is never kept alive. */
    private static final Map<OpenTelemetry, ContentCapture> FIRST = new WeakHashMap<>();
    /** OpenTelemetry instances already warned about, so that each is reported once. */
    private static final Map<OpenTelemetry, Boolean> WARNED = new WeakHashMap<>();

    private SharedSdkCheck() {
    }

    static void built(OpenTelemetry openTelemetry, ContentCapture capture) {
        ContentCapture first;
        synchronized (FIRST) {
            first = FIRST.putIfAbsent(openTelemetry, capture);
            if (first == null || first == capture || WARNED.put(openTelemetry, Boolean.TRUE) != null) {
                return;
            }
        }
        LOGGER.log(Level.WARNING, "genai-otel: a GenAiTelemetry with content capture {0} records into an "
                + "OpenTelemetry that already has one with content capture {1}. If a provider''s "
                + "create(OpenTelemetry) built it, pass the GenAiTelemetry you configured instead, for example "
                + "OpenAITelemetry.create(genAiOpenTelemetry.genAiTelemetry()), so that every provider shares its "
                + "settings.", new Object[] {capture, first});
    }
}
