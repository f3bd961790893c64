package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.GenAiSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The one instrumentation scope every signal of genai-otel is recorded under: name, version and schema URL. */
public final class InstrumentationScope {

    private static final String VERSION = readVersion();

    private InstrumentationScope() {}

    /** The version of genai-core, as recorded in the scope. */
    public static String version() {
        return VERSION;
    }

    /** The scope's tracer. */
    public static Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracerProvider()
                .tracerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build();
    }

    /** The scope's meter. */
    public static Meter meter(OpenTelemetry openTelemetry) {
        return openTelemetry.getMeterProvider()
                .meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build();
    }

    /** The scope's logger, for events. */
    public static Logger logger(OpenTelemetry openTelemetry) {
        return openTelemetry.getLogsBridge()
                .loggerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build();
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
