package dev.genaiotel.semconv;

/** The schema URL and instrumentation scope under which this project's GenAI telemetry is recorded. */
public final class GenAiSchema {

    /**
     * The schema URL of the semantic-conventions-genai model these definitions follow, as declared by its
     * {@code model/manifest.yaml}.
     */
    public static final String SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

    /** The instrumentation scope name of every tracer, meter and logger this project creates. */
    public static final String INSTRUMENTATION_SCOPE = "dev.genaiotel";

    private GenAiSchema() {}
}
