/**
 * OpenTelemetry GenAI instrumentation for Ollama: {@link dev.genaiotel.ollama.OllamaTelemetry} instruments a
 * {@link java.net.http.HttpClient}; {@link dev.genaiotel.ollama.OllamaClient} is a small typed client with its
 * request and response records and typed exceptions.
 */
package dev.genaiotel.ollama;
