package dev.genaiotel.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local stand-in for Anthropic's {@code /v1/messages}, on loopback, speaking the real wire format: one JSON message,
 * or for {@code "stream": true} the server-sent events {@code message_start}, {@code content_block_start},
 * {@code content_block_delta} per piece, {@code content_block_stop}, {@code message_delta} (stop reason and output
 * tokens) and {@code message_stop}. The demo uses it unless {@code ANTHROPIC_API_KEY} is set.
 */
final class AnthropicStandIn implements AutoCloseable {

    static final String MODEL = "claude-sonnet-4-5";
    static final String ANSWERED_MODEL = "claude-sonnet-4-5-20250929";

    private final LoopbackServer server;

    private AnthropicStandIn(LoopbackServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static AnthropicStandIn start() throws IOException {
        return new AnthropicStandIn(LoopbackServer.start("/v1/messages", AnthropicStandIn::messages));
    }

    /** The base URL to give {@code AnthropicOkHttpClient}. */
    URI baseUrl() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void messages(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!request.replace(" ", "").contains("\"stream\":true")) {
                byte[] body = ("{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"model\":\"" + ANSWERED_MODEL + "\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"Paris is the capital of France.\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":14,\"cache_creation_input_tokens\":0,"
                        + "\"cache_read_input_tokens\":0,\"output_tokens\":9}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Bonjour\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"" + ANSWERED_MODEL
                    + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,"
                    + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":40,\"output_tokens\":1}}}");
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            for (String piece : List.of("Bonjour", " from", " Paris", "!")) {
                LoopbackServer.pause();
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + piece + "\"}}");
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":6}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    private static void event(OutputStream out, String name, String json) throws IOException {
        out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
