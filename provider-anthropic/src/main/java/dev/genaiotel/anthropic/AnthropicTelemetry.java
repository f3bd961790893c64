package dev.genaiotel.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.genaiotel.anthropic.internal.Wrapping;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry GenAI instrumentation for {@code com.anthropic:anthropic-java}: wraps a client so that its Messages
 * API calls ({@code messages().create} and {@code messages().createStreaming}) produce the {@code chat} spans,
 * metrics and events of the GenAI semantic conventions, with {@code gen_ai.provider.name} told by the client's
 * backend ({@code anthropic}, {@code aws.bedrock}, {@code gcp.vertex_ai}).
 *
 * <pre>{@code
 * AnthropicClient client = AnthropicTelemetry.create(openTelemetry).wrap(AnthropicOkHttpClient.fromEnv());
 * }</pre>
 *
 * <p>The wrapped client is transparent: same results, same exceptions, same laziness. {@code async()},
 * {@code sync()}, {@code withOptions(...)}, {@code withRawResponse()} and the {@code messages()} services return
 * instrumented views too; other services are the delegate's own. Immutable and thread-safe.
 */
public final class AnthropicTelemetry {

    private final GenAiTelemetry telemetry;
    private final Wrapping wrapping;

    AnthropicTelemetry(GenAiTelemetry telemetry, String providerName, boolean keepClientSpans) {
        this.telemetry = telemetry;
        this.wrapping = new Wrapping(telemetry, providerName, keepClientSpans);
    }

    /**
     * Instrumentation with default options on a new {@link GenAiTelemetry} with the GenAI settings of this process
     * (system properties, environment). That telemetry belongs to the caller: close it at shutdown with
     * {@code genAiTelemetry().close()} when it runs completion hooks. With {@code genai-autoconfigure}, use
     * {@link #create(GenAiTelemetry)} with its {@code genAiTelemetry()} instead.
     */
    public static AnthropicTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Instrumentation with default options on an existing {@link GenAiTelemetry}: its settings, listeners, redactors
     * and hooks apply. The caller keeps owning {@code telemetry} and closes it.
     */
    public static AnthropicTelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /** A builder on a new {@link GenAiTelemetry} with the settings of this process. */
    public static AnthropicTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new AnthropicTelemetryBuilder(GenAiTelemetry.create(Objects.requireNonNull(openTelemetry,
                "openTelemetry")));
    }

    /** A builder on an existing {@link GenAiTelemetry}, to share its settings and listeners with other providers. */
    public static AnthropicTelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new AnthropicTelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * The {@link GenAiTelemetry} this instrumentation records through: the one given to {@link #create(GenAiTelemetry)}
     * or {@link #builder(GenAiTelemetry)}, or the one {@link #create(OpenTelemetry)} built, which the caller closes.
     */
    public GenAiTelemetry genAiTelemetry() {
        return telemetry;
    }

    /** An instrumented view of {@code client}; wrapping an instrumented client again returns it unchanged. */
    public AnthropicClient wrap(AnthropicClient client) {
        return wrapping.wrap(Objects.requireNonNull(client, "client"));
    }

    /** An instrumented view of {@code client}; wrapping an instrumented client again returns it unchanged. */
    public AnthropicClientAsync wrap(AnthropicClientAsync client) {
        return wrapping.wrap(Objects.requireNonNull(client, "client"));
    }
}
