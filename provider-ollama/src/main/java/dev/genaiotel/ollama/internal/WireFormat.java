package dev.genaiotel.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genaiotel.ollama.ChatMessage;
import dev.genaiotel.ollama.ChatRequest;
import dev.genaiotel.ollama.ChatResponse;
import dev.genaiotel.ollama.EmbedRequest;
import dev.genaiotel.ollama.EmbedResponse;
import dev.genaiotel.ollama.GenerateRequest;
import dev.genaiotel.ollama.GenerateResponse;
import dev.genaiotel.ollama.Tool;
import dev.genaiotel.ollama.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ollama's JSON wire format, mapped by hand through jackson-databind's tree model (no reflection on our records,
 * so nothing has to be opened to jackson).
 */
public final class WireFormat {

    /** The one mapper: thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private WireFormat() {}

    /** Parses one JSON value. */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        return MAPPER.readTree(bytes, offset, length);
    }

    /** Parses one JSON value. */
    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The {@code error} text of an error object, or null. */
    public static String errorMessage(JsonNode node) {
        JsonNode error = node == null ? null : node.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        return error.isTextual() ? error.asText() : error.toString();
    }

    /** Whether a chat or generate request streams: Ollama streams unless {@code "stream": false}. */
    public static boolean streams(JsonNode request) {
        JsonNode stream = request.get("stream");
        return stream == null || !stream.isBoolean() || stream.booleanValue();
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** The JSON of a chat request. */
    public static byte[] write(ChatRequest request, boolean stream) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (Tool tool : request.tools()) {
                ObjectNode function = MAPPER.createObjectNode();
                function.put("name", tool.name());
                if (tool.description() != null) {
                    function.put("description", tool.description());
                }
                if (tool.parameters() != null) {
                    function.set("parameters", MAPPER.valueToTree(tool.parameters()));
                }
                tools.addObject().put("type", "function").set("function", function);
            }
        }
        common(root, request.format(), request.options(), request.think(), request.keepAlive(), stream);
        return MAPPER.writeValueAsBytes(root);
    }

    /** The JSON of a generate request. */
    public static byte[] write(GenerateRequest request, boolean stream) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", request.model());
        root.put("prompt", request.prompt());
        if (request.system() != null) {
            root.put("system", request.system());
        }
        if (request.suffix() != null) {
            root.put("suffix", request.suffix());
        }
        if (!request.images().isEmpty()) {
            ArrayNode images = root.putArray("images");
            request.images().forEach(images::add);
        }
        if (request.raw() != null) {
            root.put("raw", request.raw());
        }
        common(root, request.format(), request.options(), request.think(), request.keepAlive(), stream);
        return MAPPER.writeValueAsBytes(root);
    }

    /** The JSON of an embed request. */
    public static byte[] write(EmbedRequest request) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", request.model());
        ArrayNode input = root.putArray("input");
        request.input().forEach(input::add);
        if (request.truncate() != null) {
            root.put("truncate", request.truncate());
        }
        if (request.dimensions() != null) {
            root.put("dimensions", request.dimensions());
        }
        if (!request.options().isEmpty()) {
            root.set("options", MAPPER.valueToTree(request.options()));
        }
        if (request.keepAlive() != null) {
            root.put("keep_alive", request.keepAlive());
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static void common(ObjectNode root, Object format, Map<String, Object> options, Object think,
            String keepAlive, boolean stream) {
        if (format != null) {
            root.set("format", MAPPER.valueToTree(format));
        }
        if (!options.isEmpty()) {
            root.set("options", MAPPER.valueToTree(options));
        }
        if (think != null) {
            root.set("think", MAPPER.valueToTree(think));
        }
        if (keepAlive != null) {
            root.put("keep_alive", keepAlive);
        }
        root.put("stream", stream);
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("role", message.role());
        node.put("content", message.content());
        if (message.thinking() != null) {
            node.put("thinking", message.thinking());
        }
        if (!message.images().isEmpty()) {
            ArrayNode images = node.putArray("images");
            message.images().forEach(images::add);
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode callNode = calls.addObject();
                if (call.id() != null) {
                    callNode.put("id", call.id());
                }
                ObjectNode function = callNode.putObject("function");
                function.put("name", call.name());
                function.set("arguments", MAPPER.valueToTree(call.arguments()));
            }
        }
        if (message.toolName() != null) {
            node.put("tool_name", message.toolName());
        }
        return node;
    }

    /**
     * Reads a chat request.
     *
     * @param content false to skip messages and tools, when only the request's parameters are wanted
     */
    public static ChatRequest chatRequest(JsonNode root, boolean content) {
        List<ChatMessage> messages = new ArrayList<>();
        List<Tool> tools = new ArrayList<>();
        if (content) {
            messagesAndTools(root, messages, tools);
        }
        return new ChatRequest(textOr(root, "model", ""), messages, tools, javaValue(root.get("format")),
                map(root.get("options")), javaValue(root.get("think")), text(root, "keep_alive"));
    }

    private static void messagesAndTools(JsonNode root, List<ChatMessage> messages, List<Tool> tools) {
        for (JsonNode message : array(root, "messages")) {
            ChatMessage parsed = message(message);
            if (parsed != null) {
                messages.add(parsed);
            }
        }
        for (JsonNode tool : array(root, "tools")) {
            JsonNode function = tool.get("function");
            String name = function == null ? null : text(function, "name");
            if (name != null) {
                tools.add(new Tool(name, text(function, "description"), map(function.get("parameters"))));
            }
        }
    }

    /** Reads a generate request. */
    public static GenerateRequest generateRequest(JsonNode root) {
        return new GenerateRequest(textOr(root, "model", ""), text(root, "prompt"), text(root, "system"),
                text(root, "suffix"), strings(root, "images"), javaValue(root.get("format")),
                map(root.get("options")), javaValue(root.get("think")),
                root.path("raw").isBoolean() ? root.get("raw").booleanValue() : null, text(root, "keep_alive"));
    }

    /** Reads an embed request, or a legacy embeddings request ({@code prompt} instead of {@code input}). */
    public static EmbedRequest embedRequest(JsonNode root) {
        List<String> input;
        JsonNode inputNode = root.get("input");
        if (inputNode != null && inputNode.isTextual()) {
            input = List.of(inputNode.asText());
        } else if (inputNode != null) {
            input = strings(root, "input");
        } else {
            String prompt = text(root, "prompt");
            input = prompt == null ? List.of() : List.of(prompt);
        }
        JsonNode dimensions = root.get("dimensions");
        return new EmbedRequest(textOr(root, "model", ""), input,
                root.path("truncate").isBoolean() ? root.get("truncate").booleanValue() : null,
                dimensions != null && dimensions.canConvertToInt() ? dimensions.intValue() : null,
                map(root.get("options")), text(root, "keep_alive"));
    }

    // ---- responses ---------------------------------------------------------------------------------------------

    /** Reads a chat response or stream chunk. */
    public static ChatResponse chatResponse(JsonNode root) {
        ChatMessage message = message(root.get("message"));
        return new ChatResponse(text(root, "model"), text(root, "created_at"), message,
                root.path("done").asBoolean(false), text(root, "done_reason"), number(root, "total_duration"),
                number(root, "load_duration"), number(root, "prompt_eval_count"),
                number(root, "prompt_eval_duration"), number(root, "eval_count"), number(root, "eval_duration"));
    }

    /** Reads a generate response or stream chunk. */
    public static GenerateResponse generateResponse(JsonNode root) {
        return new GenerateResponse(text(root, "model"), text(root, "created_at"), textOr(root, "response", ""),
                text(root, "thinking"), root.path("done").asBoolean(false), text(root, "done_reason"),
                number(root, "total_duration"), number(root, "load_duration"), number(root, "prompt_eval_count"),
                number(root, "prompt_eval_duration"), number(root, "eval_count"), number(root, "eval_duration"));
    }

    /**
     * Reads an embed response, or a legacy embeddings response ({@code embedding}).
     *
     * @param vectors false to skip the vectors, when only the metadata is wanted
     */
    public static EmbedResponse embedResponse(JsonNode root, boolean vectors) {
        List<float[]> embeddings = new ArrayList<>();
        if (vectors) {
            JsonNode legacy = root.get("embedding");
            if (legacy != null && legacy.isArray()) {
                embeddings.add(vector(legacy));
            }
            for (JsonNode vector : array(root, "embeddings")) {
                embeddings.add(vector(vector));
            }
        }
        return new EmbedResponse(text(root, "model"), embeddings, number(root, "total_duration"),
                number(root, "load_duration"), number(root, "prompt_eval_count"));
    }

    private static float[] vector(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = array.get(i).floatValue();
        }
        return vector;
    }

    private static ChatMessage message(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : array(node, "tool_calls")) {
            JsonNode function = call.get("function");
            String name = function == null ? null : text(function, "name");
            if (name != null) {
                calls.add(new ToolCall(text(call, "id"), name, map(function.get("arguments"))));
            }
        }
        return new ChatMessage(textOr(node, "role", "assistant"), text(node, "content"), text(node, "thinking"),
                strings(node, "images"), calls, text(node, "tool_name"));
    }

    /** The elements of {@code messages} that {@link #chatRequest} reads, in its order: the objects. */
    public static List<JsonNode> messageNodes(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode message : array(root, "messages")) {
            if (message.isObject()) {
                nodes.add(message);
            }
        }
        return nodes;
    }

    /**
     * The arguments of the tool calls {@link #chatRequest} and {@link #chatResponse} read from {@code message}, in
     * their order, as sent: an object as maps, any other value as is, so that arguments sent as a string stay
     * that text, JSON or not. A {@link ToolCall} holds an object only (else an empty map); telemetry keeps what came.
     */
    public static List<Object> toolCallArguments(JsonNode message) {
        List<Object> arguments = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return arguments;
        }
        for (JsonNode call : array(message, "tool_calls")) {
            JsonNode function = call.get("function");
            if (function != null && text(function, "name") != null) {
                JsonNode value = function.get("arguments");
                arguments.add(value == null || value.isMissingNode() ? Map.of() : javaValue(value));
            }
        }
        return arguments;
    }

    // ---- tree helpers ------------------------------------------------------------------------------------------

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    /** A text field, or null when absent or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /** An integral field, or null when absent or not a number. */
    public static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.longValue() : null;
    }

    private static Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), javaValue(field.getValue()));
        }
        return map;
    }

    /** A JSON value as maps, lists, strings, numbers, booleans and nulls. */
    public static Object javaValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return map(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(javaValue(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
