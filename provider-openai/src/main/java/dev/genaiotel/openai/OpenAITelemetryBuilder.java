package dev.genaiotel.openai;

import dev.genaiotel.core.GenAiTelemetry;

/** Builds an {@link OpenAITelemetry}; not thread-safe. */
public final class OpenAITelemetryBuilder {

    private final GenAiTelemetry telemetry;
    private String providerName;
    private Boolean includeStreamUsage;

    OpenAITelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * {@code gen_ai.provider.name} for clients whose base URL this library does not recognise (default
     * {@code openai}). Recognised: {@code api.openai.com} ({@code openai}), {@code *.openai.azure.com}
     * ({@code azure.ai.openai}), a loopback host on port 11434 ({@code ollama}), and the OpenAI-compatible endpoints
     * of the providers the GenAI conventions list.
     *
     * @param value the provider name, or null for the default
     */
    public OpenAITelemetryBuilder setProviderName(String value) {
        providerName = value;
        return this;
    }

    /**
     * Whether chat streams that do not say otherwise ask for {@code stream_options.include_usage}, so that
     * streamed calls report token usage; the extra usage-only chunk is consumed by the instrumentation and never
     * reaches the caller. Default: on for OpenAI's own API ({@code api.openai.com}), off for other base URLs, whose
     * servers may reject the option.
     */
    public OpenAITelemetryBuilder setIncludeStreamUsage(boolean value) {
        includeStreamUsage = value;
        return this;
    }

    /** The instrumentation. */
    public OpenAITelemetry build() {
        return new OpenAITelemetry(telemetry, providerName, includeStreamUsage);
    }
}
