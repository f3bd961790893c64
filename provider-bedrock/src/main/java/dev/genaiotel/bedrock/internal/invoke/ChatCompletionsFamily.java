package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI-like bodies several Bedrock models share: {@code messages} (string or typed-part content,
 * {@code tool_calls}, {@code tool_call_id}) or a plain {@code prompt}; {@code max_tokens}, {@code temperature},
 * {@code top_p}, {@code stop}, {@code n}, {@code seed}, the penalties and {@code tools}; the response's
 * {@code id}, {@code model}, {@code choices[]} (a {@code message} or a {@code text}, with {@code finish_reason} or
 * {@code stop_reason}) and {@code usage} ({@code prompt_tokens}, {@code completion_tokens}); stream chunks with
 * {@code choices[].delta} (or {@code message}, or {@code text}). Used for AI21 Jamba, DeepSeek R1
 * ({@code text_completion}), OpenAI gpt-oss, and Mistral's chat models.
 */
final class ChatCompletionsFamily implements ModelFamily {

    private final String name;
    private final String operationName;

    ChatCompletionsFamily(String name, String operationName) {
        this.name = name;
        this.operationName = operationName;
    }

    @Override
    public String operationName() {
        return operationName;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        request.maxTokens(Json.longValue(body.path("max_tokens"), body.path("max_completion_tokens")))
                .temperature(Json.doubleValue(body.path("temperature")))
                .topP(Json.doubleValue(body.path("top_p")))
                .topK(Json.longValue(body.path("top_k")))
                .stopSequences(Json.strings(body.path("stop")))
                .choiceCount(Json.longValue(body.path("n")))
                .seed(Json.longValue(body.path("seed")))
                .frequencyPenalty(Json.doubleValue(body.path("frequency_penalty")))
                .presencePenalty(Json.doubleValue(body.path("presence_penalty")))
                .reasoningLevel(Json.text(body.path("reasoning_effort")));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (messages.isArray()) {
            List<InputMessage> inputs = new ArrayList<>(messages.size());
            for (JsonNode message : messages) {
                String role = Json.text(message.path("role"));
                if (role != null) {
                    inputs.add(new InputMessage(role, inputParts(message), Json.text(message.path("name"))));
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
        JsonNode choices = body.path("choices");
        List<String> reasons = new ArrayList<>();
        if (choices.isArray()) {
            for (JsonNode choice : choices) {
                reasons.add(Vocabulary.finishReason(finishReason(choice)));
            }
        }
        return InferenceResponse.builder()
                .responseId(Json.text(body.path("id")))
                .responseModel(Json.text(body.path("model")))
                .finishReasons(reasons)
                .usage(usage(body.path("usage")))
                .build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        JsonNode choices = body.path("choices");
        if (!choices.isArray()) {
            return List.of();
        }
        List<OutputMessage> outputs = new ArrayList<>(choices.size());
        for (JsonNode choice : choices) {
            outputs.add(Vocabulary.assistant(outputParts(choice), Vocabulary.finishReason(finishReason(choice))));
        }
        return outputs;
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        accumulator.responseId(Json.text(chunk.path("id")))
                .responseModel(Json.text(chunk.path("model")))
                .usage(usage(chunk.path("usage")));
        JsonNode choices = chunk.path("choices");
        if (choices.isArray()) {
            int position = 0;
            for (JsonNode choice : choices) {
                Long explicit = Json.longValue(choice.path("index"));
                int index = explicit == null ? position : Json.index(choice.path("index"));
                position++;
                readChoiceDelta(choice, index, accumulator);
            }
        }
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }

    private static void readChoiceDelta(JsonNode choice, int index, StreamAccumulator accumulator) {
        JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
        accumulator.appendReasoning(index, Json.text(delta.path("reasoning_content")));
        accumulator.appendText(index, Json.text(delta.path("content")));
        accumulator.appendText(index, Json.text(choice.path("text")));
        JsonNode calls = delta.path("tool_calls");
        if (calls.isArray()) {
            int position = 0;
            for (JsonNode call : calls) {
                Long explicit = Json.longValue(call.path("index"));
                int toolIndex = explicit == null ? position : Json.index(call.path("index"));
                position++;
                JsonNode function = call.path("function");
                JsonNode arguments = function.path("arguments");
                accumulator.appendToolCall(index, toolIndex, Json.text(call.path("id")),
                        Json.text(function.path("name")),
                        arguments.isTextual() ? arguments.textValue()
                                : arguments.isObject() ? arguments.toString() : null);
            }
        }
        String reason = finishReason(choice);
        if (reason != null) {
            accumulator.finishReason(index, Vocabulary.finishReason(reason));
        }
    }

    private static String finishReason(JsonNode choice) {
        String reason = Json.text(choice.path("finish_reason"));
        return reason != null ? reason : Json.text(choice.path("stop_reason"));
    }

    /** OpenAI-style usage: the prompt count already includes cached tokens. */
    private static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        Long input = Json.longValue(usage.path("prompt_tokens"));
        Long output = Json.longValue(usage.path("completion_tokens"));
        Long cached = Json.longValue(usage.path("prompt_tokens_details").path("cached_tokens"));
        Long reasoning = Json.longValue(usage.path("completion_tokens_details").path("reasoning_tokens"));
        if (input == null && output == null) {
            return null;
        }
        return new TokenUsage(input, output, cached, null, reasoning);
    }

    private static List<MessagePart> inputParts(JsonNode message) {
        List<MessagePart> parts = new ArrayList<>();
        JsonNode content = message.path("content");
        String toolCallId = Json.text(message.path("tool_call_id"));
        if (toolCallId != null || Role.TOOL.equals(Json.text(message.path("role")))) {
            parts.add(new MessagePart.ToolCallResponse(toolCallId, Json.value(content)));
            return parts;
        }
        contentParts(content, parts);
        toolCalls(message.path("tool_calls"), parts);
        return parts;
    }

    private static List<MessagePart> outputParts(JsonNode choice) {
        List<MessagePart> parts = new ArrayList<>();
        JsonNode message = choice.path("message");
        String reasoning = Json.text(message.path("reasoning_content"));
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new MessagePart.Reasoning(reasoning));
        }
        contentParts(message.path("content"), parts);
        Json.add(parts, Json.textPart(choice.path("text")));
        toolCalls(message.path("tool_calls"), parts);
        return parts;
    }

    private static void contentParts(JsonNode content, List<MessagePart> parts) {
        if (content.isTextual()) {
            Json.add(parts, Json.textPart(content));
            return;
        }
        if (!content.isArray()) {
            return;
        }
        for (JsonNode part : content) {
            String type = Json.text(part.path("type"));
            if ("text".equals(type)) {
                Json.add(parts, Json.textPart(part.path("text")));
            } else if ("image_url".equals(type)) {
                JsonNode url = part.path("image_url");
                Json.add(parts, imageUrl(url.isTextual() ? url : url.path("url")));
            }
        }
    }

    /** An image URL: a {@code data:} URL becomes a blob, any other URL a URI part. */
    private static MessagePart imageUrl(JsonNode urlNode) {
        String url = Json.text(urlNode);
        if (url == null) {
            return null;
        }
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semicolon = url.indexOf(';');
            if (comma < 0 || semicolon < 0 || semicolon > comma || !url.startsWith(";base64", semicolon)) {
                return null;
            }
            String mimeType = semicolon > 5 ? url.substring(5, semicolon) : null;
            return Json.blob(url.substring(comma + 1), mimeType, Modality.IMAGE);
        }
        return new MessagePart.Uri(null, Modality.IMAGE, url);
    }

    private static void toolCalls(JsonNode calls, List<MessagePart> parts) {
        if (!calls.isArray()) {
            return;
        }
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            String name = Json.text(function.path("name"));
            if (name != null) {
                parts.add(new MessagePart.ToolCallRequest(Json.text(call.path("id")), name,
                        Json.arguments(function.path("arguments"))));
            }
        }
    }

    private static List<ToolDefinition> tools(JsonNode tools) {
        if (!tools.isArray()) {
            return List.of();
        }
        List<ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            String name = Json.text(function.path("name"));
            if (name != null) {
                definitions.add(new FunctionToolDefinition(name, Json.text(function.path("description")),
                        Json.value(function.path("parameters"))));
            }
        }
        return definitions;
    }

    @Override
    public String toString() {
        return name + "Family";
    }
}
