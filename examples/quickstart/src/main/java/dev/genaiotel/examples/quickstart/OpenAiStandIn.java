package dev.genaiotel.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local stand-in for OpenAI's {@code POST /v1/chat/completions}, on loopback, with the wire shapes of the real API:
 * a {@code chat.completion} object, or for {@code "stream": true} server-sent {@code chat.completion.chunk} events
 * ending with {@code [DONE]} (and a usage-only chunk when the request asks for {@code include_usage}). The demo uses it
 * unless {@code OPENAI_API_KEY} is set.
 */
final class OpenAiStandIn implements AutoCloseable {

    static final String MODEL = "gpt-4o-mini";

    private static final String HEAD = "\"object\":\"%s\",\"created\":1763806530,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"";
    private static final String USAGE = "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":9,\"total_tokens\":33,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";

    private final LoopbackServer server;

    private OpenAiStandIn(LoopbackServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static OpenAiStandIn start() throws IOException {
        return new OpenAiStandIn(LoopbackServer.start("/v1/chat/completions", OpenAiStandIn::chatCompletions));
    }

    /** The base URL to give the OpenAI client. */
    String baseUrl() {
        return server.uri() + "/v1";
    }

    @Override
    public void close() {
        server.close();
    }

    private static void chatCompletions(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String request = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(" ", "");
            if (!request.contains("\"stream\":true")) {
                byte[] body = ("{\"id\":\"chatcmpl-CXqP3xQ1\"," + String.format(HEAD, "chat.completion")
                        + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + "\"Paris is the capital of France.\",\"refusal\":null,\"annotations\":[]},"
                        + "\"logprobs\":null,\"finish_reason\":\"stop\"}]," + USAGE + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String head = "{\"id\":\"chatcmpl-CXqP4yR2\"," + String.format(HEAD, "chat.completion.chunk");
            event(out, head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\","
                    + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}");
            for (String piece : List.of("Bonjour", " from", " Paris", "!")) {
                LoopbackServer.pause();
                event(out, head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},"
                        + "\"logprobs\":null,\"finish_reason\":null}]}");
            }
            event(out, head + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
            if (request.contains("\"include_usage\":true")) {
                event(out, head + ",\"choices\":[]," + USAGE + "}");
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
