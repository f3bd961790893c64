package dev.genaiotel.bedrock;

import dev.genaiotel.core.GenAiTelemetry;

/** Builds a {@link BedrockTelemetry}; not thread-safe. */
public final class BedrockTelemetryBuilder {

    /** The default for {@link #setMaxParsedBodyBytes(int)}: 256 KiB. */
    public static final int DEFAULT_MAX_PARSED_BODY_BYTES = 256 * 1024;

    private final GenAiTelemetry telemetry;
    private int maxParsedBodyBytes = DEFAULT_MAX_PARSED_BODY_BYTES;

    BedrockTelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * The largest InvokeModel request or response body that is parsed when message content is not captured, for
     * the request parameters, finish reasons and token usage it carries (default
     * {@value #DEFAULT_MAX_PARSED_BODY_BYTES}). Larger bodies, typically images in the request, are not parsed:
     * their span keeps the model, the server and the token counts of Bedrock's response headers. With content
     * capture on, every body is parsed.
     *
     * @param value at least 0; 0 parses no body unless content is captured
     */
    public BedrockTelemetryBuilder setMaxParsedBodyBytes(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxParsedBodyBytes must be >= 0: " + value);
        }
        maxParsedBodyBytes = value;
        return this;
    }

    /** The instrumentation. */
    public BedrockTelemetry build() {
        return new BedrockTelemetry(telemetry, maxParsedBodyBytes);
    }
}
