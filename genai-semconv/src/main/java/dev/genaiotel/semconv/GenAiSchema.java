package dev.genaiotel.semconv;

/**
 * The schema URLs and instrumentation scope under which this project's GenAI telemetry is recorded. Each
 * {@link SemconvVersion} has one schema URL, {@link SemconvVersion#schemaUrl()}.
 */
public final class GenAiSchema {

    /**
     * The schema URL of the 1.41.0 profile: the one the semantic-conventions-genai {@code model/manifest.yaml}
     * declared before its first release, and the one this project has always recorded. It names the pre-release
     * GenAI model, not core semantic conventions 1.41.0.
     */
    public static final String SCHEMA_URL_1_41_0 = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

    /**
     * The schema URL this project has recorded so far, equal to {@link #SCHEMA_URL_1_41_0}.
     *
     * <p>Superseded: the schema URL now depends on the version emitted, {@link SemconvVersion#schemaUrl()}; no
     * v0.1.0 schema URL could be confirmed (see {@link SemconvVersion#V0_1_0}). Kept, not yet annotated
     * {@code @Deprecated}, because the core reads it and the build fails on warnings.
     */
    public static final String SCHEMA_URL = SCHEMA_URL_1_41_0;

    /** The instrumentation scope name of every tracer, meter and logger this project creates. */
    public static final String INSTRUMENTATION_SCOPE = "dev.genaiotel";

    private GenAiSchema() {}
}
