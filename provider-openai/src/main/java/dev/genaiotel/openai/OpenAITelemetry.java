package dev.genaiotel.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.openai.internal.Wrapping;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry GenAI instrumentation for {@code com.openai:openai-java}: wraps a client so that its model calls
 * produce the spans, metrics and events of the GenAI semantic conventions ({@code chat}, {@code text_completion},
 * {@code embeddings}, {@code fetch_response}).
 *
 * <pre>{@code
 * OpenAIClient client = OpenAITelemetry.create(openTelemetry).wrap(OpenAIOkHttpClient.fromEnv());
 * }</pre>
 *
 * <p>The wrapped client is transparent: same results, same exceptions, same laziness. {@code async()},
 * {@code sync()}, {@code withOptions(...)}, {@code withRawResponse()} and every service accessor return
 * instrumented clients too; services without model calls are the delegate's own. Immutable and thread-safe.
 */
public final class OpenAITelemetry {

    private final GenAiTelemetry telemetry;
    private final Wrapping wrapping;

    OpenAITelemetry(GenAiTelemetry telemetry, String providerName, Boolean includeStreamUsage) {
        this.telemetry = telemetry;
        this.wrapping = new Wrapping(telemetry, providerName, includeStreamUsage);
    }

    /**
     * Instrumentation with default options on a new {@link GenAiTelemetry} with the GenAI settings of this process
     * (system properties, environment). That telemetry belongs to the caller: close it at shutdown with
     * {@code genAiTelemetry().close()} when it runs completion hooks (such as the upload hook's worker thread).
     * With {@code genai-autoconfigure}, use {@link #create(GenAiTelemetry)} with {@code genAiTelemetry()} instead:
     * this method does not see settings made in code there, such as the content capture mode.
     */
    public static OpenAITelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Instrumentation with default options on an existing {@link GenAiTelemetry}: its settings, listeners, redactors
     * and hooks apply. The caller keeps owning {@code telemetry} and closes it.
     */
    public static OpenAITelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /** A builder on a new {@link GenAiTelemetry} with the settings of this process. */
    public static OpenAITelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new OpenAITelemetryBuilder(GenAiTelemetry.create(Objects.requireNonNull(openTelemetry,
                "openTelemetry")));
    }

    /** A builder on an existing {@link GenAiTelemetry}, to share its settings and listeners with other providers. */
    public static OpenAITelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new OpenAITelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * The {@link GenAiTelemetry} this instrumentation records through: the one given to {@link #create(GenAiTelemetry)}
     * or {@link #builder(GenAiTelemetry)}, or the one {@link #create(OpenTelemetry)} built, which the caller closes.
     */
    public GenAiTelemetry genAiTelemetry() {
        return telemetry;
    }

    /** An instrumented view of {@code client}; wrapping an instrumented client again returns it unchanged. */
    public OpenAIClient wrap(OpenAIClient client) {
        return wrapping.wrap(Objects.requireNonNull(client, "client"));
    }

    /** An instrumented view of {@code client}; wrapping an instrumented client again returns it unchanged. */
    public OpenAIClientAsync wrap(OpenAIClientAsync client) {
        return wrapping.wrap(Objects.requireNonNull(client, "client"));
    }
}
