package dev.genaiotel.anthropic;

import dev.genaiotel.core.GenAiTelemetry;

/** Builds an {@link AnthropicTelemetry}; not thread-safe. */
public final class AnthropicTelemetryBuilder {

    private final GenAiTelemetry telemetry;
    private String providerName;
    private boolean keepClientSpans;

    AnthropicTelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * {@code gen_ai.provider.name} for every call of the wrapped clients, in place of the one their backend names
     * ({@code anthropic} for the Anthropic API and Microsoft Foundry, {@code aws.bedrock} on Bedrock,
     * {@code gcp.vertex_ai} on Vertex AI): for a gateway or proxy that serves the Messages API.
     *
     * @param value the provider name, or null for the backend's
     */
    public AnthropicTelemetryBuilder setProviderName(String value) {
        providerName = value == null || value.isBlank() ? null : value;
        return this;
    }

    /**
     * Whether the wrapped clients keep anthropic-java's own spans ({@code anthropic.messages.create}, emitted since
     * anthropic-java 3.x when a tracer provider is registered). Default false: the wrapped view gives the client a
     * no-op tracer provider, so that each call has one GenAI span, this library's; the client still sends the trace
     * context headers, now carrying this library's span.
     */
    public AnthropicTelemetryBuilder setKeepClientSpans(boolean value) {
        keepClientSpans = value;
        return this;
    }

    /** The instrumentation. */
    public AnthropicTelemetry build() {
        return new AnthropicTelemetry(telemetry, providerName, keepClientSpans);
    }
}
