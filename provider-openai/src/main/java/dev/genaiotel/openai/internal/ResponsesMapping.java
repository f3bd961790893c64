package dev.genaiotel.openai.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM_CURSOR;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_STATUS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_REQUEST_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;

import com.openai.models.ResponsesModel;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.Tool;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.MediaUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OpenAiApiType;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.OutputType;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Responses API ({@code POST /responses}, {@code GET /responses/{id}}) to the core's inference model. */
final class ResponsesMapping {

    private static final Attributes API_TYPE = Attributes.of(OPENAI_API_TYPE, OpenAiApiType.RESPONSES);

    private ResponsesMapping() {}

    /** The request, each field read on its own (see {@code ChatMapping.request}); content as mappings. */
    static InferenceRequest request(ResponseCreateParams params, Endpoint endpoint, boolean stream) {
        return InferenceRequest.builder(OperationName.CHAT, endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .stream(stream)
                .model(FailSoft.get("responses request model",
                        () -> params.model().map(ResponsesMapping::model).orElse(null)))
                .temperature(FailSoft.get("responses request temperature", () -> params.temperature().orElse(null)))
                .topP(FailSoft.get("responses request top_p", () -> params.topP().orElse(null)))
                .maxTokens(FailSoft.get("responses request max tokens", () -> params.maxOutputTokens().orElse(null)))
                .reasoningLevel(FailSoft.get("responses request reasoning effort",
                        () -> params.reasoning().flatMap(r -> r.effort()).map(e -> e.asString()).orElse(null)))
                .previousResponseId(FailSoft.get("responses request previous response",
                        () -> params.previousResponseId().orElse(null)))
                .conversationId(FailSoft.get("responses request conversation", () -> params.conversation()
                        .map(c -> c.isId() ? c.asId() : c.asResponseConversationParam().id()).orElse(null)))
                .outputType(FailSoft.get("responses request output type", () -> params.text()
                        .flatMap(text -> text.format())
                        .map(format -> format.isText() ? OutputType.TEXT : OutputType.JSON).orElse(null)))
                .attributes(requestAttributes(FailSoft.get("responses request service tier",
                        () -> params.serviceTier().map(value -> value.asString()).orElse(null))))
                .systemInstructions(() -> params.instructions()
                        .map(text -> List.<MessagePart>of(new MessagePart.Text(text))).orElse(null))
                .inputMessages(() -> params.input().map(input -> input.isText()
                        ? List.of(InputMessage.text(Role.USER, input.asText()))
                        : inputMessages(input.asResponse())).orElse(null))
                .toolDefinitions(() -> params.tools().map(ResponsesMapping::toolDefinitions).orElse(null))
                .build();
    }

    /** {@code openai.api.type}, and {@code openai.request.service_tier} unless it is the default {@code auto}. */
    private static Attributes requestAttributes(String serviceTier) {
        return serviceTier == null || "auto".equals(serviceTier) ? API_TYPE
                : API_TYPE.toBuilder().put(OPENAI_REQUEST_SERVICE_TIER, serviceTier).build();
    }

    /**
     * The {@code fetch_response} request of {@code GET /responses/{id}}.
     *
     * @param streamCursor the event a resumed stream starts after ({@code starting_after}), or null
     */
    static InferenceRequest fetchRequest(String responseId, String streamCursor, Endpoint endpoint) {
        AttributesBuilder attributes = API_TYPE.toBuilder();
        if (responseId != null) {
            attributes.put(GEN_AI_RESPONSE_ID, responseId);
        }
        if (streamCursor != null) {
            attributes.put(GEN_AI_REQUEST_STREAM_CURSOR, streamCursor);
        }
        return InferenceRequest.builder(OperationName.FETCH_RESPONSE, endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .attributes(attributes.build())
                .build();
    }

    static String model(ResponsesModel model) {
        if (model.isString()) {
            return model.asString();
        }
        if (model.isChat()) {
            return model.asChat().asString();
        }
        return model.isOnly() ? model.asOnly().asString() : null;
    }

    static List<InputMessage> inputMessages(List<ResponseInputItem> items) {
        List<InputMessage> messages = new ArrayList<>(items.size());
        for (ResponseInputItem item : items) {
            InputMessage message = inputMessage(Trees.map(Trees.of(item)));
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static InputMessage inputMessage(Map<?, ?> item) {
        String type = Trees.string(item, "type");
        String role = Trees.string(item, "role");
        if (type == null || "message".equals(type)) {
            return new InputMessage(role == null ? Role.USER : role, Parts.content(item.get("content")));
        }
        if ("function_call_output".equals(type) || "custom_tool_call_output".equals(type)) {
            return new InputMessage(Role.TOOL, List.of(new MessagePart.ToolCallResponse(
                    Trees.string(item, "call_id"), Parts.toolResult(item.get("output")))));
        }
        List<MessagePart> parts = new ArrayList<>();
        outputItem(item, parts);
        return parts.isEmpty() ? null : new InputMessage(role == null ? Role.ASSISTANT : role, parts);
    }

    static List<ToolDefinition> toolDefinitions(List<Tool> tools) {
        List<ToolDefinition> result = new ArrayList<>(tools.size());
        for (Tool tool : tools) {
            Map<?, ?> tree = Trees.map(Trees.of(tool));
            String type = Trees.string(tree, "type");
            if (type == null) {
                continue;
            }
            String name = Trees.string(tree, "name");
            if ("function".equals(type) && name != null) {
                result.add(new FunctionToolDefinition(name, Trees.string(tree, "description"),
                        tree.get("parameters")));
            } else {
                String label = Trees.string(tree, "server_label");
                result.add(new GenericToolDefinition(type, name != null ? name : label != null ? label : type,
                        Trees.without(tree, "type", "name")));
            }
        }
        return result;
    }

    static InferenceResponse response(Response response, boolean fetch) {
        InferenceResponse.Builder builder = InferenceResponse.builder();
        FailSoft.run("responses id", () -> builder.responseId(response.id()));
        FailSoft.run("responses model", () -> builder.responseModel(model(response.model())));
        String[] reason = new String[1];
        FailSoft.run("responses finish reason", () -> {
            reason[0] = finishReason(response);
            if (reason[0] != null) {
                builder.finishReasons(List.of(reason[0]));
            }
        });
        if (!fetch) {
            FailSoft.run("responses usage",
                    () -> response.usage().ifPresent(usage -> builder.usage(UsageMapping.responses(usage))));
            FailSoft.run("responses generated images", () -> builder.mediaUsage(generatedImages(response)));
        }
        AttributesBuilder attributes = Attributes.builder();
        FailSoft.run("responses service tier", () -> response.serviceTier()
                .ifPresent(tier -> attributes.put(OPENAI_RESPONSE_SERVICE_TIER, tier.asString())));
        if (fetch) {
            FailSoft.run("responses status", () -> response.status()
                    .ifPresent(status -> attributes.put(GEN_AI_RESPONSE_STATUS, status.asString())));
        }
        builder.attributes(attributes.build());
        String finishReason = reason[0];
        builder.outputMessages(() -> {
            List<MessagePart> parts = new ArrayList<>();
            for (Object item : Trees.list(Trees.map(Trees.of(response)), "output")) {
                outputItem(Trees.map(item), parts);
            }
            return List.of(new OutputMessage(Role.ASSISTANT, parts,
                    finishReason == null ? FinishReason.ERROR : finishReason));
        });
        return builder.build();
    }

    /**
     * {@code gen_ai.usage.image.output_count}: the images the {@code image_generation} tool produced, one per
     * {@code image_generation_call} output item that carries its image ({@code result}); null when the response has
     * no such item. The Responses API reports no other media figure (its usage counts tokens only).
     */
    static MediaUsage generatedImages(Response response) {
        long calls = 0;
        long images = 0;
        for (var item : response.output()) {
            if (item.isImageGenerationCall()) {
                calls++;
                if (item.asImageGenerationCall().result().isPresent()) {
                    images++;
                }
            }
        }
        return calls == 0 ? null : MediaUsage.images(null, images);
    }

    /**
     * The finish reason told by a response's status: {@code stop} (or {@code tool_call} when the model asks for a
     * function), {@code length} / {@code content_filter} for incomplete responses, {@code error} for failed or
     * cancelled ones, none while it is still queued or running.
     */
    static String finishReason(Response response) {
        String status = response.status().map(value -> value.asString()).orElse(null);
        if (status == null) {
            return null;
        }
        switch (status) {
            case "completed":
                for (var item : response.output()) {
                    if (item.isFunctionCall() || item.isCustomToolCall()) {
                        return FinishReason.TOOL_CALL;
                    }
                }
                return FinishReason.STOP;
            case "incomplete":
                String reason = response.incompleteDetails().flatMap(details -> details.reason())
                        .map(value -> value.asString()).orElse(null);
                return reason == null ? FinishReason.LENGTH : FinishReason.normalize(reason);
            case "failed", "cancelled":
                return FinishReason.ERROR;
            default:
                return null;
        }
    }

    /** One output item (also an input item echoing an earlier output) as message parts. */
    static void outputItem(Map<?, ?> item, List<MessagePart> parts) {
        String type = Trees.string(item, "type");
        if (type == null) {
            return;
        }
        String id = Trees.string(item, "id");
        switch (type) {
            case "message" -> parts.addAll(Parts.content(item.get("content")));
            case "function_call", "custom_tool_call" -> {
                String name = Trees.string(item, "name");
                if (name != null) {
                    Object arguments = "function_call".equals(type) ? item.get("arguments") : item.get("input");
                    parts.add(new MessagePart.ToolCallRequest(Trees.string(item, "call_id"), name, arguments));
                }
            }
            case "reasoning" -> {
                StringBuilder text = new StringBuilder();
                for (Object piece : Trees.list(item, "content")) {
                    append(text, Trees.string(Trees.map(piece), "text"));
                }
                if (text.length() == 0) {
                    for (Object piece : Trees.list(item, "summary")) {
                        append(text, Trees.string(Trees.map(piece), "text"));
                    }
                }
                if (text.length() > 0) {
                    parts.add(new MessagePart.Reasoning(text.toString()));
                }
            }
            case "web_search_call" -> parts.add(serverCall(id, "web_search", item, "action"));
            case "file_search_call" -> {
                parts.add(serverCall(id, "file_search", item, "queries"));
                if (item.get("results") != null) {
                    parts.add(serverResult(id, "file_search", item, "results"));
                }
            }
            case "code_interpreter_call" -> {
                parts.add(serverCall(id, "code_interpreter", item, "code", "container_id"));
                if (item.get("outputs") != null) {
                    parts.add(serverResult(id, "code_interpreter", item, "outputs"));
                }
            }
            case "image_generation_call" -> parts.add(serverCall(id, "image_generation", item));
            case "mcp_call" -> {
                String name = Trees.string(item, "name");
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("type", "mcp");
                copy(item, call, "server_label", "arguments");
                parts.add(new MessagePart.ServerToolCall(id, name == null ? "mcp" : name, call));
                if (item.get("output") != null || item.get("error") != null) {
                    parts.add(serverResult(id, "mcp", item, "output", "error"));
                }
            }
            default -> parts.add(Parts.generic(type, item));
        }
    }

    private static MessagePart serverCall(String id, String name, Map<?, ?> item, String... fields) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("type", name);
        copy(item, call, "status");
        copy(item, call, fields);
        return new MessagePart.ServerToolCall(id, name, call);
    }

    private static MessagePart serverResult(String id, String type, Map<?, ?> item, String... fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", type);
        copy(item, result, fields);
        return new MessagePart.ServerToolCallResponse(id, result);
    }

    private static void copy(Map<?, ?> from, Map<String, Object> to, String... fields) {
        for (String field : fields) {
            Object value = from.get(field);
            if (value != null) {
                to.put(field, value);
            }
        }
    }

    private static void append(StringBuilder text, String piece) {
        if (piece != null) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(piece);
        }
    }
}
