package dev.genaiotel.openai.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.atomic.AtomicReference;

/** Builds the instrumented clients for {@code OpenAITelemetry}. */
public final class Wrapping {

    private final GenAiTelemetry telemetry;
    private final String fallbackProvider;
    private final Boolean includeStreamUsage;

    /**
     * The options of one {@code OpenAITelemetry}.
     *
     * @param fallbackProvider the provider name for unrecognised base URLs, or null for {@code openai}
     * @param includeStreamUsage whether chat streams ask for usage; null for "only on OpenAI's own API"
     */
    public Wrapping(GenAiTelemetry telemetry, String fallbackProvider, Boolean includeStreamUsage) {
        this.telemetry = telemetry;
        this.fallbackProvider = fallbackProvider;
        this.includeStreamUsage = includeStreamUsage;
    }

    /** An instrumented view of {@code client}; an already instrumented client is returned as it is. */
    public OpenAIClient wrap(OpenAIClient client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedOpenAIClient) {
            return client;
        }
        return TracedOpenAIClient.of(client, clientTelemetry(baseUrl(client)));
    }

    /** An instrumented view of {@code client}; an already instrumented client is returned as it is. */
    public OpenAIClientAsync wrap(OpenAIClientAsync client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedOpenAIClientAsync) {
            return client;
        }
        return TracedOpenAIClientAsync.of(client, clientTelemetry(baseUrl(client)));
    }

    /**
     * The client an instrumented client delegates to, or {@code client} itself when it is not one of this module's
     * instrumented clients. For the Java agent extension, which instruments clients before an application that also
     * uses this module wraps them: that application's instrumentation is then the only one.
     */
    public static Object unwrap(Object client) {
        Object instrumentation = InstrumentedView.instrumentationOf(client);
        if (instrumentation instanceof TracedOpenAIClient traced) {
            return traced.delegate();
        }
        if (instrumentation instanceof TracedOpenAIClientAsync traced) {
            return traced.delegate();
        }
        return client;
    }

    private ClientTelemetry clientTelemetry(String baseUrl) {
        return ClientTelemetry.create(telemetry, baseUrl, fallbackProvider, includeStreamUsage);
    }

    /**
     * The client's base URL. openai-java exposes its options only to a {@code withOptions} modifier, so one derived
     * client is built once here (sharing the original's HTTP client) just to read them.
     */
    static String baseUrl(OpenAIClient client) {
        AtomicReference<String> url = new AtomicReference<>();
        try {
            client.withOptions(builder -> url.set(builder.build().baseUrl()));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("reading the client's base URL", e);
        }
        return url.get();
    }

    static String baseUrl(OpenAIClientAsync client) {
        AtomicReference<String> url = new AtomicReference<>();
        try {
            client.withOptions(builder -> url.set(builder.build().baseUrl()));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("reading the client's base URL", e);
        }
        return url.get();
    }
}
