package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Amazon Nova understanding models (Micro, Lite, Pro, Premier): the Converse-like {@code messages-v1} schema with
 * {@code system}, {@code messages} of content blocks ({@code text}, {@code image}, {@code video},
 * {@code document}, {@code toolUse}, {@code toolResult}, {@code reasoningContent}), {@code inferenceConfig} and
 * {@code toolConfig}; the response's {@code output.message}, {@code stopReason} and {@code usage}; and the stream
 * chunks {@code contentBlockStart}/{@code Delta}, {@code messageStop} and {@code metadata}.
 */
final class NovaFamily implements ModelFamily {

    static final NovaFamily INSTANCE = new NovaFamily();

    private NovaFamily() {}

    @Override
    public String operationName() {
        return OperationName.CHAT;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        JsonNode config = body.path("inferenceConfig");
        request.maxTokens(Json.longValue(config.path("maxTokens"), config.path("max_new_tokens")))
                .temperature(Json.doubleValue(config.path("temperature")))
                .topP(Json.doubleValue(config.path("topP"), config.path("top_p")))
                .topK(Json.longValue(config.path("topK"), config.path("top_k")))
                .stopSequences(Json.strings(config.path("stopSequences")));
    }

    @Override
    public List<MessagePart> systemInstructions(JsonNode body) {
        return parts(body.path("system"));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!messages.isArray()) {
            return List.of();
        }
        List<InputMessage> inputs = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            String role = Json.text(message.path("role"));
            if (role != null) {
                inputs.add(new InputMessage(role, parts(message.path("content"))));
            }
        }
        return inputs;
    }

    @Override
    public List<ToolDefinition> toolDefinitions(JsonNode body) {
        return tools(body.path("toolConfig").path("tools"));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        String reason = Vocabulary.finishReason(Json.text(body.path("stopReason")));
        InferenceResponse.Builder response = InferenceResponse.builder().usage(usage(body.path("usage")));
        if (!body.path("output").path("message").isMissingNode() || reason != null) {
            response.finishReasons(Collections.singletonList(reason));
        }
        return response.build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        String reason = Vocabulary.finishReason(Json.text(body.path("stopReason")));
        JsonNode message = body.path("output").path("message");
        if (message.isMissingNode() && reason == null) {
            return List.of();
        }
        return List.of(Vocabulary.assistant(parts(message.path("content")), reason));
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        JsonNode start = chunk.path("contentBlockStart");
        if (start.isObject()) {
            JsonNode toolUse = start.path("start").path("toolUse");
            if (toolUse.isObject()) {
                accumulator.appendToolCall(0, index(start), Json.text(toolUse.path("toolUseId")),
                        Json.text(toolUse.path("name")), null);
            }
        }
        JsonNode delta = chunk.path("contentBlockDelta");
        if (delta.isObject()) {
            JsonNode content = delta.path("delta");
            accumulator.appendText(0, Json.text(content.path("text")));
            JsonNode toolUse = content.path("toolUse");
            if (toolUse.isObject()) {
                accumulator.appendToolCall(0, index(delta), null, null, Json.text(toolUse.path("input")));
            }
            JsonNode reasoning = content.path("reasoningContent");
            accumulator.appendReasoning(0, Json.text(reasoning.path("text")));
        }
        JsonNode stop = chunk.path("messageStop");
        if (stop.isObject()) {
            accumulator.finishReason(0, Vocabulary.finishReason(Json.text(stop.path("stopReason"))));
        }
        JsonNode metadata = chunk.path("metadata");
        if (metadata.isObject()) {
            accumulator.usage(usage(metadata.path("usage")));
        }
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }

    /** The content block index, used as the tool-call index. */
    private static int index(JsonNode event) {
        return Json.index(event.path("contentBlockIndex"));
    }

    /** Nova usage: input excludes the cache, whose counts are added to it. */
    private static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        return Vocabulary.usageExcludingCache(Json.longValue(usage.path("inputTokens")),
                Json.longValue(usage.path("outputTokens")),
                Json.longValue(usage.path("cacheReadInputTokenCount"), usage.path("cacheReadInputTokens")),
                Json.longValue(usage.path("cacheWriteInputTokenCount"), usage.path("cacheWriteInputTokens")));
    }

    private static List<MessagePart> parts(JsonNode content) {
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
        if (block.has("text")) {
            return Json.textPart(block.path("text"));
        }
        if (block.has("image")) {
            return media(block.path("image"), Modality.IMAGE, "image/");
        }
        if (block.has("video")) {
            return media(block.path("video"), Modality.VIDEO, "video/");
        }
        if (block.has("document")) {
            return media(block.path("document"), Modality.DOCUMENT, null);
        }
        if (block.has("toolUse")) {
            JsonNode toolUse = block.path("toolUse");
            String name = Json.text(toolUse.path("name"));
            return name == null ? null : new MessagePart.ToolCallRequest(Json.text(toolUse.path("toolUseId")), name,
                    Json.arguments(toolUse.path("input")));
        }
        if (block.has("toolResult")) {
            JsonNode toolResult = block.path("toolResult");
            return new MessagePart.ToolCallResponse(Json.text(toolResult.path("toolUseId")),
                    result(toolResult.path("content")));
        }
        if (block.has("reasoningContent")) {
            String text = Json.text(block.path("reasoningContent").path("reasoningText").path("text"));
            return text == null ? null : new MessagePart.Reasoning(text);
        }
        return null;
    }

    /** An image, video or document: inline base64 bytes, or an S3 location. */
    private static MessagePart media(JsonNode media, String modality, String mimePrefix) {
        String format = Json.text(media.path("format"));
        String mimeType = format == null ? null : mimePrefix != null ? mimePrefix + format : documentType(format);
        JsonNode source = media.path("source");
        if (source.has("bytes")) {
            return Json.blob(source.path("bytes"), mimeType, modality);
        }
        String uri = Json.text(source.path("s3Location").path("uri"));
        return uri == null ? null : new MessagePart.Uri(mimeType, modality, uri);
    }

    static String documentType(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            case "html" -> "text/html";
            case "txt" -> "text/plain";
            case "md" -> "text/markdown";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> null;
        };
    }

    /** A tool result: its text when it is text only, the single JSON value, else the blocks as plain values. */
    private static Object result(JsonNode content) {
        if (!content.isArray()) {
            return Json.valueWithoutInlineData(content);
        }
        if (content.size() == 1 && content.get(0).has("json")) {
            return Json.value(content.get(0).path("json"));
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (!block.path("text").isTextual()) {
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
            JsonNode spec = tool.path("toolSpec");
            String name = Json.text(spec.path("name"));
            if (name != null) {
                definitions.add(new FunctionToolDefinition(name, Json.text(spec.path("description")),
                        Json.value(spec.path("inputSchema").path("json"))));
            }
        }
        return definitions;
    }
}
