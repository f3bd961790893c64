package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cohere Command R and R+: {@code message}, {@code chat_history} ({@code USER}, {@code CHATBOT}, {@code SYSTEM},
 * {@code TOOL} turns), {@code preamble} (the system instructions), {@code documents}, {@code tools},
 * {@code tool_results}, {@code max_tokens}, {@code temperature}, {@code p}, {@code k}, {@code seed}, the penalties
 * and {@code stop_sequences}; the response's {@code response_id}, {@code text}, {@code tool_calls},
 * {@code finish_reason} and {@code meta} token counts; and the stream's {@code event_type} events
 * ({@code text-generation}, {@code tool-calls-generation}, {@code stream-end}).
 *
 * <p>Cohere ends a turn that asks for tools with {@code COMPLETE}; the finish reason is then {@code tool_call}.
 * Tool calls carry no id in this API, so none is recorded.
 */
final class CohereChatFamily implements ModelFamily {

    static final CohereChatFamily INSTANCE = new CohereChatFamily();

    private CohereChatFamily() {}

    @Override
    public String operationName() {
        return OperationName.CHAT;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        request.maxTokens(Json.longValue(body.path("max_tokens")))
                .temperature(Json.doubleValue(body.path("temperature")))
                .topP(Json.doubleValue(body.path("p")))
                .topK(Json.longValue(body.path("k")))
                .seed(Json.longValue(body.path("seed")))
                .frequencyPenalty(Json.doubleValue(body.path("frequency_penalty")))
                .presencePenalty(Json.doubleValue(body.path("presence_penalty")))
                .stopSequences(Json.strings(body.path("stop_sequences")));
    }

    @Override
    public List<MessagePart> systemInstructions(JsonNode body) {
        MessagePart preamble = Json.textPart(body.path("preamble"));
        return preamble == null ? List.of() : List.of(preamble);
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        List<InputMessage> inputs = new ArrayList<>();
        JsonNode history = body.path("chat_history");
        if (history.isArray()) {
            for (JsonNode turn : history) {
                InputMessage message = historyMessage(turn);
                if (message != null) {
                    inputs.add(message);
                }
            }
        }
        List<MessagePart> results = toolResults(body.path("tool_results"));
        if (!results.isEmpty()) {
            inputs.add(new InputMessage(Role.TOOL, results));
        }
        List<MessagePart> user = new ArrayList<>();
        Json.add(user, Json.textPart(body.path("message")));
        JsonNode documents = body.path("documents");
        if (documents.isArray()) {
            for (JsonNode document : documents) {
                if (document.isObject()) {
                    user.add(new MessagePart.GenericPart("document", Json.properties(document, "type")));
                }
            }
        }
        if (!user.isEmpty()) {
            inputs.add(new InputMessage(Role.USER, user));
        }
        return inputs;
    }

    @Override
    public List<ToolDefinition> toolDefinitions(JsonNode body) {
        return tools(body.path("tools"));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        InferenceResponse.Builder response = InferenceResponse.builder()
                .responseId(Json.text(body.path("response_id")))
                .usage(usage(body.path("meta")));
        String reason = reason(body);
        if (reason != null || body.path("text").isTextual()) {
            response.finishReasons(Collections.singletonList(reason));
        }
        return response.build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        String reason = reason(body);
        if (reason == null && !body.path("text").isTextual()) {
            return List.of();
        }
        List<MessagePart> parts = new ArrayList<>();
        Json.add(parts, Json.textPart(body.path("text")));
        parts.addAll(toolCalls(body.path("tool_calls")));
        return List.of(Vocabulary.assistant(parts, reason));
    }

    /** The finish reason of a response body: {@code tool_call} when it completed by calling tools. */
    private static String reason(JsonNode body) {
        JsonNode toolCalls = body.path("tool_calls");
        return reason(Json.text(body.path("finish_reason")), toolCalls.isArray() && !toolCalls.isEmpty());
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        String type = Json.text(chunk.path("event_type"));
        if (type != null) {
            switch (type) {
                case "text-generation" -> accumulator.appendText(0, Json.text(chunk.path("text")));
                case "tool-calls-generation" -> {
                    JsonNode calls = chunk.path("tool_calls");
                    if (calls.isArray()) {
                        int index = 0;
                        for (JsonNode call : calls) {
                            JsonNode parameters = call.path("parameters");
                            accumulator.appendToolCall(0, index++, null, Json.text(call.path("name")),
                                    parameters.isMissingNode() ? null : parameters.toString());
                        }
                    }
                }
                case "stream-end" -> {
                    JsonNode response = chunk.path("response");
                    JsonNode calls = response.path("tool_calls");
                    accumulator.responseId(Json.text(response.path("response_id")))
                            .usage(usage(response.path("meta")))
                            .finishReason(0, reason(Json.text(chunk.path("finish_reason")),
                                    calls.isArray() && !calls.isEmpty()));
                }
                default -> {
                }
            }
        }
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }

    private static String reason(String finishReason, boolean calledTools) {
        String normalized = Vocabulary.finishReason(finishReason);
        return calledTools && FinishReason.STOP.equals(normalized) ? FinishReason.TOOL_CALL : normalized;
    }

    /** The actual token counts ({@code meta.tokens}), else the billed ones ({@code meta.billed_units}). */
    private static TokenUsage usage(JsonNode meta) {
        JsonNode tokens = meta.path("tokens");
        TokenUsage usage = Vocabulary.usage(Json.longValue(tokens.path("input_tokens")),
                Json.longValue(tokens.path("output_tokens")));
        if (usage != null) {
            return usage;
        }
        JsonNode billed = meta.path("billed_units");
        return Vocabulary.usage(Json.longValue(billed.path("input_tokens")),
                Json.longValue(billed.path("output_tokens")));
    }

    private static InputMessage historyMessage(JsonNode turn) {
        String role = Json.text(turn.path("role"));
        if (role == null) {
            return null;
        }
        List<MessagePart> parts = new ArrayList<>();
        Json.add(parts, Json.textPart(turn.path("message")));
        parts.addAll(toolCalls(turn.path("tool_calls")));
        parts.addAll(toolResults(turn.path("tool_results")));
        return new InputMessage(role(role), parts);
    }

    private static String role(String cohereRole) {
        return switch (cohereRole) {
            case "USER" -> Role.USER;
            case "CHATBOT" -> Role.ASSISTANT;
            case "SYSTEM" -> Role.SYSTEM;
            case "TOOL" -> Role.TOOL;
            default -> cohereRole;
        };
    }

    private static List<MessagePart> toolCalls(JsonNode calls) {
        if (!calls.isArray()) {
            return List.of();
        }
        List<MessagePart> parts = new ArrayList<>(calls.size());
        for (JsonNode call : calls) {
            String name = Json.text(call.path("name"));
            if (name != null) {
                parts.add(new MessagePart.ToolCallRequest(null, name, Json.arguments(call.path("parameters"))));
            }
        }
        return parts;
    }

    private static List<MessagePart> toolResults(JsonNode results) {
        if (!results.isArray()) {
            return List.of();
        }
        List<MessagePart> parts = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            if (result.isObject()) {
                parts.add(new MessagePart.ToolCallResponse(null, Json.value(result.path("outputs"))));
            }
        }
        return parts;
    }

    private static List<ToolDefinition> tools(JsonNode tools) {
        if (!tools.isArray()) {
            return List.of();
        }
        List<ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (JsonNode tool : tools) {
            String name = Json.text(tool.path("name"));
            if (name != null) {
                JsonNode parameters = tool.path("parameter_definitions");
                Map<String, Object> schema = parameters.isObject() ? Json.properties(parameters, null) : null;
                definitions.add(new FunctionToolDefinition(name, Json.text(tool.path("description")), schema));
            }
        }
        return definitions;
    }
}
