package dev.genaiotel.anthropic.internal;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.opentelemetry.OpenTelemetryOptions;
import com.anthropic.models.messages.MessageCreateParams;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import java.util.function.Consumer;

/**
 * The telemetry of one wrapped client: the core, the endpoint its options name, and the options of
 * {@code AnthropicTelemetry}. Immutable; {@code withOptions} on a wrapped client or service derives a new one.
 */
final class ClientTelemetry {

    private final GenAiTelemetry telemetry;
    private final Endpoint endpoint;
    private final String providerOverride;
    private final boolean keepClientSpans;

    private ClientTelemetry(GenAiTelemetry telemetry, Endpoint endpoint, String providerOverride,
            boolean keepClientSpans) {
        this.telemetry = telemetry;
        this.endpoint = endpoint;
        this.providerOverride = providerOverride;
        this.keepClientSpans = keepClientSpans;
    }

    /**
     * The telemetry of a client with {@code options}.
     *
     * @param options the client's options, or null when they could not be read
     * @param providerOverride the provider name for every call, or null for the backend's
     */
    static ClientTelemetry create(GenAiTelemetry telemetry, ClientOptions options, String providerOverride,
            boolean keepClientSpans) {
        return new ClientTelemetry(telemetry, endpoint(options, providerOverride), providerOverride,
                keepClientSpans);
    }

    private static Endpoint endpoint(ClientOptions options, String providerOverride) {
        String baseUrl = options == null ? null : FailSoft.get("client base URL", options::baseUrl);
        String provider = providerOverride;
        if (provider == null && options != null) {
            provider = FailSoft.get("client provider name", options::openTelemetryProviderName);
        }
        return Endpoint.of(baseUrl, provider == null || provider.isBlank() ? "anthropic" : provider);
    }

    Endpoint endpoint() {
        return endpoint;
    }

    boolean isRecording() {
        return telemetry.isRecording();
    }

    /** The telemetry of a client derived with other options. */
    ClientTelemetry at(ClientOptions options) {
        return new ClientTelemetry(telemetry, endpoint(options, providerOverride), providerOverride,
                keepClientSpans);
    }

    /** Whether the wrapped clients switch anthropic-java's own spans off. */
    boolean suppressesClientSpans() {
        return !keepClientSpans;
    }

    /**
     * {@code options} with a no-op tracer provider when the client would emit its own spans, else {@code options}
     * itself. Propagation is left as it is, so the client still sends the trace context, that of the current span.
     */
    static OpenTelemetryOptions withoutClientSpans(OpenTelemetryOptions options) {
        if (!options.traces().enabled() || options.tracerProvider().orElse(null) == TracerProvider.noop()) {
            return options;
        }
        return options.toBuilder().tracerProvider(TracerProvider.noop()).build();
    }

    /** A {@code withOptions} modifier that also learns the resulting options and keeps the client's spans off. */
    OptionsCapture capture(Consumer<ClientOptions.Builder> modifier) {
        return new OptionsCapture(modifier, this);
    }

    MessageCall message(MessageCreateParams params) {
        return new MessageCall(telemetry.startInference(MessageMapping.request(params, endpoint, false)));
    }

    MessageStream messageStream(MessageCreateParams params) {
        return new MessageStream(telemetry.startInference(MessageMapping.request(params, endpoint, true)));
    }

    /** Runs the caller's modifier, then reads the options it leads to. */
    static final class OptionsCapture implements Consumer<ClientOptions.Builder> {
        private final Consumer<ClientOptions.Builder> modifier;
        private final ClientTelemetry base;
        private volatile ClientOptions options;

        OptionsCapture(Consumer<ClientOptions.Builder> modifier, ClientTelemetry base) {
            this.modifier = modifier;
            this.base = base;
        }

        @Override
        public void accept(ClientOptions.Builder builder) {
            modifier.accept(builder);
            try {
                ClientOptions built = builder.build();
                options = built;
                if (base.suppressesClientSpans()) {
                    OpenTelemetryOptions current = built.openTelemetry();
                    OpenTelemetryOptions quiet = withoutClientSpans(current);
                    if (quiet != current) {
                        builder.openTelemetry(quiet);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                FailSoft.log("reading derived client options", e);
            }
        }

        /** The telemetry of the client the options describe. */
        ClientTelemetry result() {
            ClientOptions known = options;
            return known == null ? base : base.at(known);
        }
    }
}
