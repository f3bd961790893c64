package dev.genaiotel.anthropic.internal;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.opentelemetry.OpenTelemetryOptions;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;

/** Builds the instrumented clients for {@code AnthropicTelemetry}. */
public final class Wrapping {

    private final GenAiTelemetry telemetry;
    private final String providerOverride;
    private final boolean keepClientSpans;

    /**
     * The options of one {@code AnthropicTelemetry}.
     *
     * @param providerOverride the provider name for every call, or null for the backend's
     * @param keepClientSpans whether anthropic-java's own spans stay on
     */
    public Wrapping(GenAiTelemetry telemetry, String providerOverride, boolean keepClientSpans) {
        this.telemetry = telemetry;
        this.providerOverride = providerOverride;
        this.keepClientSpans = keepClientSpans;
    }

    /** An instrumented view of {@code client}; an already instrumented client is returned as it is. */
    public AnthropicClient wrap(AnthropicClient client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedAnthropicClient) {
            return client;
        }
        AnthropicClient delegate = client;
        if (!keepClientSpans) {
            OpenTelemetryOptions quiet = quiet(client.options());
            if (quiet != null) {
                delegate = client.withOptions(builder -> builder.openTelemetry(quiet));
            }
        }
        return TracedAnthropicClient.of(delegate, clientTelemetry(delegate.options()));
    }

    /** An instrumented view of {@code client}; an already instrumented client is returned as it is. */
    public AnthropicClientAsync wrap(AnthropicClientAsync client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedAnthropicClientAsync) {
            return client;
        }
        AnthropicClientAsync delegate = client;
        if (!keepClientSpans) {
            OpenTelemetryOptions quiet = quiet(client.options());
            if (quiet != null) {
                delegate = client.withOptions(builder -> builder.openTelemetry(quiet));
            }
        }
        return TracedAnthropicClientAsync.of(delegate, clientTelemetry(delegate.options()));
    }

    /**
     * The client an instrumented client calls, or {@code client} itself when it is not one of this module's
     * instrumented clients. For the Java agent extension, which instruments clients before an application that also
     * uses this module wraps them: that application's instrumentation is then the only one. The client returned has
     * anthropic-java's own spans switched off when the instrumented client had switched them off.
     */
    public static Object unwrap(Object client) {
        Object instrumentation = InstrumentedView.instrumentationOf(client);
        if (instrumentation instanceof TracedAnthropicClient traced) {
            return traced.delegate();
        }
        if (instrumentation instanceof TracedAnthropicClientAsync traced) {
            return traced.delegate();
        }
        return client;
    }

    /** The client's OpenTelemetry options without its own spans, or null when it emits none already. */
    private static OpenTelemetryOptions quiet(ClientOptions options) {
        try {
            OpenTelemetryOptions current = options.openTelemetry();
            OpenTelemetryOptions quiet = ClientTelemetry.withoutClientSpans(current);
            return quiet == current ? null : quiet;
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("switching the client's own spans off", e);
            return null;
        }
    }

    private ClientTelemetry clientTelemetry(ClientOptions options) {
        return ClientTelemetry.create(telemetry, options, providerOverride, keepClientSpans);
    }
}
