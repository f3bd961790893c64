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

    /** Telemetry with the default settings of this process (see {@link GenAiTelemetry#create(OpenTelemetry)}). */
    public static OllamaTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder on a new {@link GenAiTelemetry} with this process's settings. */
    public static OllamaTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new OllamaTelemetryBuilder(GenAiTelemetry.create(Objects.requireNonNull(openTelemetry, "openTelemetry")));
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
