package dev.genaiotel.ollama;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.ollama.internal.InstrumentedHttpClient;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * The entry point: instruments {@link HttpClient}s that talk to Ollama's native API.
 *
 * <pre>{@code
 * HttpClient http = OllamaTelemetry.create(openTelemetry).wrap(HttpClient.newHttpClient());
 * }</pre>
 *
 * <p>The wrapped client recognises {@code POST /api/chat} ({@code chat}), {@code /api/generate}
 * ({@code text_completion}), {@code /api/embed} and the legacy {@code /api/embeddings} ({@code embeddings}) and
 * records each as a GenAI operation with {@code gen_ai.provider.name} {@code ollama}; every other request passes
 * through untouched. See {@link OllamaAttributes} for the Ollama-specific attributes.
 *
 * <p>Immutable and thread-safe.
 */
public final class OllamaTelemetry {

    private final GenAiTelemetry telemetry;
    private final int maxLineBytes;
    private final int maxRequestBytes;

    OllamaTelemetry(GenAiTelemetry telemetry, int maxLineBytes, int maxRequestBytes) {
        this.telemetry = telemetry;
        this.maxLineBytes = maxLineBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    /**
     * Instrumentation with default options on a new {@link GenAiTelemetry} with the GenAI settings of this process
     * (system properties, environment). That telemetry belongs to the caller: close it at shutdown with
     * {@code genAiTelemetry().close()} when it runs completion hooks (such as the upload hook's worker thread).
     * With {@code genai-autoconfigure}, use {@link #create(GenAiTelemetry)} with {@code genAiTelemetry()} instead:
     * this method does not see settings made in code there, such as the content capture mode.
     */
    public static OllamaTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Instrumentation with default options on an existing {@link GenAiTelemetry}: its settings, listeners, redactors
     * and hooks apply. The caller keeps owning {@code telemetry} and closes it.
     */
    public static OllamaTelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /**
     * The {@link GenAiTelemetry} this instrumentation records through: the one given to {@link #create(GenAiTelemetry)}
     * or {@link #builder(GenAiTelemetry)}, or the one {@link #create(OpenTelemetry)} built, which the caller closes.
     */
    public GenAiTelemetry genAiTelemetry() {
        return telemetry;
    }

    /** A builder on a new {@link GenAiTelemetry} with this process's settings. */
    public static OllamaTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new OllamaTelemetryBuilder(
                GenAiTelemetry.create(Objects.requireNonNull(openTelemetry, "openTelemetry")));
    }

    /** A builder sharing an existing {@link GenAiTelemetry} (its settings, listeners and switch). */
    public static OllamaTelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new OllamaTelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * An {@link HttpClient} that behaves exactly like {@code client} (every method delegates to it; responses and
     * exceptions are the ones {@code client} produces, bodies are streamed through unchanged) and records Ollama
     * calls. Wrapping an already instrumented client returns it unchanged.
     */
    public HttpClient wrap(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (client instanceof InstrumentedHttpClient) {
            return client;
        }
        return new InstrumentedHttpClient(client, telemetry, maxLineBytes, maxRequestBytes);
    }
}
