package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Claude: the messages API ({@code anthropic_version: bedrock-2023-05-31}, {@code system},
 * {@code messages} of content blocks, {@code stop_reason}, {@code usage} with the cache counts) and its stream events
 * ({@code message_start}, {@code content_block_start}/{@code _delta}, {@code message_delta}, {@code message_stop}).
 * The legacy text completions API of Claude 2 ({@code prompt}/{@code completion}) is read too, told apart by the
 * body; its operation is still reported as {@code chat}, since the family is chosen from the model id alone.
 */
final class AnthropicFamily implements ModelFamily {

    static final AnthropicFamily INSTANCE = new AnthropicFamily();

    private AnthropicFamily() {}

    @Override
    public String operationName() {
        return OperationName.CHAT;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        request.maxTokens(Json.longValue(body.path("max_tokens"), body.path("max_tokens_to_sample")))
                .temperature(Json.doubleValue(body.path("temperature")))
                .topP(Json.doubleValue(body.path("top_p")))
                .topK(Json.longValue(body.path("top_k")))
                .stopSequences(Json.strings(body.path("stop_sequences")))
                .reasoningLevel(Json.text(body.path("output_config").path("effort")));
    }

    @Override
    public List<MessagePart> systemInstructions(JsonNode body) {
        return system(body.path("system"));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (messages.isArray()) {
            List<InputMessage> inputs = new ArrayList<>(messages.size());
            for (JsonNode message : messages) {
                String role = Json.text(message.path("role"));
                List<MessagePart> parts = parts(message.path("content"));
                if (role != null) {
                    inputs.add(new InputMessage(role, parts));
                }
            }
            return inputs;
        }
        if (Json.text(body.path("prompt")) != null) {
            return List.of(InputMessage.text(Role.USER, body.path("prompt").textValue()));
        }
        return List.of();
    }

    @Override
    public List<ToolDefinition> toolDefinitions(JsonNode body) {
        return tools(body.path("tools"));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        String reason = Vocabulary.finishReason(Json.text(body.path("stop_reason")));
        InferenceResponse.Builder response = InferenceResponse.builder()
                .responseId(Json.text(body.path("id")))
                .responseModel(Json.text(body.path("model")))
                .usage(usage(body.path("usage")));
        if (answered(body, reason)) {
            response.finishReasons(Collections.singletonList(reason));
        }
        return response.build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        String reason = Vocabulary.finishReason(Json.text(body.path("stop_reason")));
        if (!answered(body, reason)) {
            return List.of();
        }
        JsonNode content = body.path("content");
        JsonNode completion = body.path("completion");
        List<MessagePart> parts = completion.isTextual() && content.isMissingNode()
                ? List.of(new MessagePart.Text(completion.textValue())) : parts(content);
        return List.of(Vocabulary.assistant(parts, reason));
    }

    /** Whether the body is an answer (content, a legacy completion or a stop reason), not only usage. */
    private static boolean answered(JsonNode body, String reason) {
        return !body.path("content").isMissingNode() || body.path("completion").isTextual() || reason != null;
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        String type = Json.text(chunk.path("type"));
        if (type == null) {
            readLegacyChunk(chunk, accumulator);
            return;
        }
        switch (type) {
            case "message_start" -> {
                JsonNode message = chunk.path("message");
                accumulator.responseId(Json.text(message.path("id")))
                        .responseModel(Json.text(message.path("model")))
                        .usage(usage(message.path("usage")));
            }
            case "content_block_start" -> blockStart(chunk, accumulator);
            case "content_block_delta" -> blockDelta(chunk, accumulator);
            case "message_delta" -> {
                String reason = Json.text(chunk.path("delta").path("stop_reason"));
                if (reason != null) {
                    accumulator.finishReason(0, Vocabulary.finishReason(reason));
                }
                accumulator.usage(deltaUsage(chunk.path("usage")));
            }
            case "message_stop" -> Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
            default -> {
            }
        }
    }

    private static void readLegacyChunk(JsonNode chunk, StreamAccumulator accumulator) {
        String completion = Json.text(chunk.path("completion"));
        if (completion != null) {
            accumulator.appendText(0, completion);
        }
        String reason = Json.text(chunk.path("stop_reason"));
        if (reason != null) {
            accumulator.finishReason(0, Vocabulary.finishReason(reason));
        }
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }

    private static void blockStart(JsonNode chunk, StreamAccumulator accumulator) {
        int index = index(chunk);
        JsonNode block = chunk.path("content_block");
        String type = Json.text(block.path("type"));
        if ("tool_use".equals(type)) {
            accumulator.appendToolCall(0, index, Json.text(block.path("id")), Json.text(block.path("name")), null);
        } else if ("thinking".equals(type)) {
            accumulator.appendReasoning(0, Json.text(block.path("thinking")));
        } else {
            accumulator.appendText(0, Json.text(block.path("text")));
        }
    }

    private static void blockDelta(JsonNode chunk, StreamAccumulator accumulator) {
        JsonNode delta = chunk.path("delta");
        String type = Json.text(delta.path("type"));
        if (type == null) {
            return;
        }
        switch (type) {
            case "text_delta" -> accumulator.appendText(0, Json.text(delta.path("text")));
            case "input_json_delta" ->
                    accumulator.appendToolCall(0, index(chunk), null, null, Json.text(delta.path("partial_json")));
            case "thinking_delta" -> accumulator.appendReasoning(0, Json.text(delta.path("thinking")));
            default -> {
            }
        }
    }

    /** The content block index, used as the tool-call index (gaps left by text blocks are skipped when read). */
    private static int index(JsonNode chunk) {
        return Json.index(chunk.path("index"));
    }

    /** Anthropic usage: {@code input_tokens} excludes the cache reads and writes, which are added to it. */
    static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        return Vocabulary.usageExcludingCache(Json.longValue(usage.path("input_tokens")),
                Json.longValue(usage.path("output_tokens")), Json.longValue(usage.path("cache_read_input_tokens")),
                Json.longValue(usage.path("cache_creation_input_tokens")));
    }

    /**
     * The usage of a {@code message_delta}: its output count, and its input count only when it brings the cache
     * counts too (an input count alone would overwrite the cache-inclusive total of {@code message_start}).
     */
    private static TokenUsage deltaUsage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        if (usage.has("cache_read_input_tokens") || usage.has("cache_creation_input_tokens")) {
            return usage(usage);
        }
        return Vocabulary.usage(null, Json.longValue(usage.path("output_tokens")));
    }

    private static List<MessagePart> system(JsonNode system) {
        if (system.isTextual()) {
            return system.textValue().isEmpty() ? List.of() : List.of(new MessagePart.Text(system.textValue()));
        }
        return parts(system);
    }

    /** The content of a message: a string, or an array of content blocks. */
    static List<MessagePart> parts(JsonNode content) {
        if (content.isTextual()) {
            return List.of(new MessagePart.Text(content.textValue()));
        }
        if (!content.isArray()) {
            return List.of();
        }
        List<MessagePart> parts = new ArrayList<>(content.size());
        for (JsonNode block : content) {
            Json.add(parts, part(block));
        }
        return parts;
    }

    private static MessagePart part(JsonNode block) {
        String type = Json.text(block.path("type"));
        if (type == null || type.isBlank()) {
            return null;
        }
        return switch (type) {
            case "text" -> Json.textPart(block.path("text"));
            case "image" -> source(block.path("source"), Modality.IMAGE);
            case "document" -> source(block.path("source"), Modality.DOCUMENT);
            case "tool_use" -> {
                String name = Json.text(block.path("name"));
                yield name == null ? null
                        : new MessagePart.ToolCallRequest(Json.text(block.path("id")), name,
                                Json.arguments(block.path("input")));
            }
            case "tool_result" -> new MessagePart.ToolCallResponse(Json.text(block.path("tool_use_id")),
                    result(block.path("content")));
            case "thinking" -> {
                String thinking = Json.text(block.path("thinking"));
                yield thinking == null ? null : new MessagePart.Reasoning(thinking);
            }
            default -> new MessagePart.GenericPart(type, Map.of());
        };
    }

    /** An image or document source: base64 data, a URL, or (documents) plain text. */
    private static MessagePart source(JsonNode source, String modality) {
        String sourceType = Json.text(source.path("type"));
        String mediaType = Json.text(source.path("media_type"));
        if ("base64".equals(sourceType)) {
            return Json.blob(source.path("data"), mediaType, modality);
        }
        if ("url".equals(sourceType)) {
            String url = Json.text(source.path("url"));
            return url == null ? null : new MessagePart.Uri(mediaType, modality, url);
        }
        if ("text".equals(sourceType)) {
            return Json.textPart(source.path("data"));
        }
        return null;
    }

    /** A tool result: its text when it is text only, else the blocks as plain values. */
    private static Object result(JsonNode content) {
        if (!content.isArray()) {
            return Json.valueWithoutInlineData(content);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (!"text".equals(Json.text(block.path("type"))) || !block.path("text").isTextual()) {
                return Json.valueWithoutInlineData(content);
            }
            text.append(block.path("text").textValue());
        }
        return text.toString();
    }

    private static List<ToolDefinition> tools(JsonNode tools) {
        if (!tools.isArray()) {
            return List.of();
        }
        List<ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (JsonNode tool : tools) {
            String name = Json.text(tool.path("name"));
            String type = Json.text(tool.path("type"));
            if (name == null) {
                continue;
            }
            if (type == null || type.equals("custom") || type.isBlank()) {
                definitions.add(new FunctionToolDefinition(name, Json.text(tool.path("description")),
                        Json.value(tool.path("input_schema"))));
            } else {
                definitions.add(new GenericToolDefinition(type, name));
            }
        }
        return definitions;
    }
}
