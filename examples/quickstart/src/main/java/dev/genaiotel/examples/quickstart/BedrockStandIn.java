package dev.genaiotel.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * A local stand-in for Bedrock Runtime's {@code POST /model/{modelId}/converse} and {@code .../converse-stream}, on
 * loopback, with the wire shapes of the real service. Converse answers a request that offers tools with a
 * {@code toolUse} block, and the follow-up that carries the {@code toolResult} with text; ConverseStream answers in
 * AWS's binary event-stream framing ({@code messageStart}, {@code contentBlockDelta}..., {@code contentBlockStop},
 * {@code messageStop}, {@code metadata}), encoded with the event-stream library the AWS SDK itself decodes with. The
 * demo uses it unless AWS credentials are set.
 */
final class BedrockStandIn implements AutoCloseable {

    static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String TOOL_USE_ID = "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q";

    private final LoopbackServer server;

    private BedrockStandIn(LoopbackServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static BedrockStandIn start() throws IOException {
        return new BedrockStandIn(LoopbackServer.start("/model/", BedrockStandIn::model));
    }

    /** The endpoint to give the Bedrock Runtime client's {@code endpointOverride}. */
    URI endpoint() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void model(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "2f2b7a4c-4c5e-4a36-9c8e-6c1f0b3d9e71");
            if (exchange.getRequestURI().getRawPath().endsWith("/converse-stream")) {
                converseStream(exchange);
            } else {
                converse(exchange, request);
            }
        }
    }

    private static void converse(HttpExchange exchange, String request) throws IOException {
        String body;
        if (request.contains("\"toolResult\"")) {
            body = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
                    + "\"It is 14°C and raining in Paris: take an umbrella.\"}]}},\"stopReason\":\"end_turn\","
                    + "\"usage\":{\"inputTokens\":412,\"outputTokens\":18,\"totalTokens\":430},"
                    + "\"metrics\":{\"latencyMs\":611}}";
        } else {
            body = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
                    + "\"Let me check the weather in Paris.\"},{\"toolUse\":{\"toolUseId\":\"" + TOOL_USE_ID + "\","
                    + "\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}}]}},\"stopReason\":\"tool_use\","
                    + "\"usage\":{\"inputTokens\":368,\"outputTokens\":57,\"totalTokens\":425},"
                    + "\"metrics\":{\"latencyMs\":874}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void converseStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, "messageStart", "{\"role\":\"assistant\"}");
        for (String piece : List.of("Bonjour", " from", " Paris", "!")) {
            LoopbackServer.pause();
            event(out, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + piece + "\"}}");
        }
        event(out, "contentBlockStop", "{\"contentBlockIndex\":0}");
        event(out, "messageStop", "{\"stopReason\":\"end_turn\"}");
        event(out, "metadata", "{\"usage\":{\"inputTokens\":14,\"outputTokens\":6,\"totalTokens\":20},"
                + "\"metrics\":{\"latencyMs\":233}}");
    }

    private static void event(OutputStream out, String type, String json) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        new Message(headers, json.getBytes(StandardCharsets.UTF_8)).encode(out);
        out.flush();
    }
}
