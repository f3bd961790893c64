/**
 * OpenTelemetry GenAI instrumentation for Ollama's native API: an instrumented {@link java.net.http.HttpClient}
 * ({@link dev.genaiotel.ollama.OllamaTelemetry#wrap(java.net.http.HttpClient)}) that records {@code chat},
 * {@code text_completion} and {@code embeddings} operations, and a small typed client,
 * {@link dev.genaiotel.ollama.OllamaClient}.
 */
module dev.genaiotel.ollama {
    requires transitive dev.genaiotel.core;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires java.logging;

    exports dev.genaiotel.ollama;
}
