package dev.genaiotel.javaagent.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.opentelemetry.OpenTelemetryOptions;
import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.anthropic.internal.Wrapping;
import dev.genaiotel.javaagent.GenAiAgent;

/** Between the advice and provider-anthropic, in the loader that sees the application's anthropic-java. */
public final class AnthropicBridge {

    private AnthropicBridge() {}

    /**
     * {@code client} instrumented as {@code AnthropicTelemetry.wrap} does it, with anthropic-java's own spans switched
     * off on the instrumented view, or as it is when it is not an anthropic-java client.
     *
     * <p>The library switches them off by giving the client a no-op tracer provider of the application's
     * OpenTelemetry API; in this jar the API is the agent's (the agent remaps it), which anthropic-java cannot take.
     * Here they are switched off with anthropic-java's own traces switch instead, and the library is told to keep
     * the client's options as they are. anthropic-java then injects no trace context itself; the agent's HTTP client
     * instrumentation does, with the HTTP span under genai-otel's.
     */
    public static Object instrument(Object client) {
        if (client instanceof AnthropicClient sync) {
            OpenTelemetryOptions quiet = withoutClientSpans(sync.options().openTelemetry());
            return Instrumentation.TELEMETRY.wrap(
                    quiet == null ? sync : sync.withOptions(builder -> builder.openTelemetry(quiet)));
        }
        if (client instanceof AnthropicClientAsync async) {
            OpenTelemetryOptions quiet = withoutClientSpans(async.options().openTelemetry());
            return Instrumentation.TELEMETRY.wrap(
                    quiet == null ? async : async.withOptions(builder -> builder.openTelemetry(quiet)));
        }
        return client;
    }

    /** The client under this extension's instrumentation, or {@code client} when it has none. */
    public static Object uninstrument(Object client) {
        return Wrapping.unwrap(client);
    }

    /** {@code options} with anthropic-java's spans off, or null when they are off already. */
    private static OpenTelemetryOptions withoutClientSpans(OpenTelemetryOptions options) {
        if (!options.traces().enabled()) {
            return null;
        }
        return options.toBuilder().traces(options.traces().toBuilder().enabled(false).build()).build();
    }

    private static final class Instrumentation {
        /** Keeps the client's options: {@link #instrument} has switched its spans off already. */
        static final AnthropicTelemetry TELEMETRY = AnthropicTelemetry.builder(GenAiAgent.telemetry())
                .setKeepClientSpans(true).build();
    }
}
