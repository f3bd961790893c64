package dev.genaiotel.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local stand-in for Ollama's {@code /api/chat}, on loopback, speaking the real wire format: one JSON object for
 * {@code "stream": false}, otherwise chunked NDJSON ending with the {@code done} line that carries the counts and
 * server timings. The demo uses it unless {@code OLLAMA_HOST} points at a real Ollama.
 */
final class OllamaStandIn implements AutoCloseable {

    static final String MODEL = "llama3.2";

    private static final String CREATED_AT = "\"created_at\":\"2026-11-22T10:15:30.123456Z\"";
    private static final String TIMINGS = "\"total_duration\":412345678,\"load_duration\":21345678,"
            + "\"prompt_eval_count\":31,\"prompt_eval_duration\":98765432,\"eval_count\":14,"
            + "\"eval_duration\":287654321";

    private final LoopbackServer server;

    private OllamaStandIn(LoopbackServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static OllamaStandIn start() throws IOException {
        return new OllamaStandIn(LoopbackServer.start("/api/chat", OllamaStandIn::chat));
    }

    /** The base URL to give {@code OllamaClient}. */
    URI baseUrl() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void chat(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            if (request.replace(" ", "").contains("\"stream\":false")) {
                byte[] body = ("{\"model\":\"" + MODEL + "\"," + CREATED_AT + ",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Paris is the capital of France.\"},\"done_reason\":\"stop\",\"done\":true,"
                        + TIMINGS + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String piece : List.of("Bonjour", " from", " Paris", "!")) {
                line(out, "{\"model\":\"" + MODEL + "\"," + CREATED_AT + ",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"" + piece + "\"},\"done\":false}");
                LoopbackServer.pause();
            }
            line(out, "{\"model\":\"" + MODEL + "\"," + CREATED_AT + ",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true," + TIMINGS + "}");
        }
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
