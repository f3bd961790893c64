package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.GenAiSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one instrumentation scope every signal of genai-otel is recorded under: name, version and the schema URL of
 * the conventions version emitted (none when that is not published; see {@code SemconvVersion#schemaUrl()}).
 */
public final class InstrumentationScope {

    private static final String VERSION = readVersion();

    private InstrumentationScope() {}

    /** The version of genai-core, as recorded in the scope. */
    public static String version() {
        return VERSION;
    }

    /** The scope's tracer; {@code schemaUrl} may be null. */
    public static Tracer tracer(OpenTelemetry openTelemetry, String schemaUrl) {
        var builder = openTelemetry.getTracerProvider()
                .tracerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(VERSION);
        if (schemaUrl != null) {
            builder.setSchemaUrl(schemaUrl);
        }
        return builder.build();
    }

    /** The scope's meter; {@code schemaUrl} may be null. */
    public static Meter meter(OpenTelemetry openTelemetry, String schemaUrl) {
        var builder = openTelemetry.getMeterProvider()
                .meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(VERSION);
        if (schemaUrl != null) {
            builder.setSchemaUrl(schemaUrl);
        }
        return builder.build();
    }

    /** The scope's logger, for events; {@code schemaUrl} may be null. */
    public static Logger logger(OpenTelemetry openTelemetry, String schemaUrl) {
        var builder = openTelemetry.getLogsBridge()
                .loggerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(VERSION);
        if (schemaUrl != null) {
            builder.setSchemaUrl(schemaUrl);
        }
        return builder.build();
    }

    private static String readVersion() {
        try (InputStream in = InstrumentationScope.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
