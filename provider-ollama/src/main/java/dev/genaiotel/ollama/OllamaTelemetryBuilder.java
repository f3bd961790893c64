package dev.genaiotel.ollama;

import dev.genaiotel.core.GenAiTelemetry;

/** Builds an {@link OllamaTelemetry}; not thread-safe. */
public final class OllamaTelemetryBuilder {

    /** The default of {@link #setMaxLineBytes(int)}: 4 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 << 20;

    /** The default of {@link #setMaxRequestBodyBytes(int)}: 16 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 16 << 20;

    private final GenAiTelemetry telemetry;
    private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    private int maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;

    OllamaTelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * The longest response line (an NDJSON chunk, or a whole non-streamed answer) that is copied for telemetry;
     * a longer line is skipped by the telemetry, never by the application, so memory stays bounded.
     */
    public OllamaTelemetryBuilder setMaxLineBytes(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + value);
        }
        maxLineBytes = value;
        return this;
    }

    /** The largest request body that is read for telemetry; a larger one is recorded without its content. */
    public OllamaTelemetryBuilder setMaxRequestBodyBytes(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes must not be negative: " + value);
        }
        maxRequestBodyBytes = value;
        return this;
    }

    /** The telemetry. */
    public OllamaTelemetry build() {
        return new OllamaTelemetry(telemetry, maxLineBytes, maxRequestBodyBytes);
    }
}
