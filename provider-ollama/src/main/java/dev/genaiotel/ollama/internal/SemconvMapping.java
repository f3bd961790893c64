package dev.genaiotel.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.ollama.ChatMessage;
import dev.genaiotel.ollama.ChatRequest;
import dev.genaiotel.ollama.ChatResponse;
import dev.genaiotel.ollama.EmbedRequest;
import dev.genaiotel.ollama.EmbedResponse;
import dev.genaiotel.ollama.GenerateRequest;
import dev.genaiotel.ollama.GenerateResponse;
import dev.genaiotel.ollama.OllamaAttributes;
import dev.genaiotel.ollama.Tool;
import dev.genaiotel.ollama.ToolCall;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.OutputType;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Maps Ollama's requests and responses to the core's provider-neutral model. Messages, instructions, tools and
 * outputs are handed to the core as mappings, run only when content is recorded.
 */
final class SemconvMapping {

    private static final double NANOS_PER_SECOND = 1e9;

    private SemconvMapping() {}

    /**
     * A chat request.
     *
     * @param request the request's parameters as read by {@link WireFormat#chatRequest}
     * @param body the JSON it was read from, for the messages and tools; read only if content is recorded
     */
    static InferenceRequest chat(ChatRequest request, JsonNode body, boolean stream, String host, Long port) {
        return common(OperationName.CHAT, request.model(), request.options(), request.format(), stream, host, port)
                .inputMessages(() -> inputMessages(WireFormat.chatRequest(body, true), body))
                .toolDefinitions(() -> toolDefinitions(WireFormat.chatRequest(body, true)))
                .build();
    }

    private static List<InputMessage> inputMessages(ChatRequest request, JsonNode body) {
        List<InputMessage> messages = new ArrayList<>(request.messages().size());
        List<JsonNode> nodes = WireFormat.messageNodes(body);
        for (int i = 0; i < request.messages().size(); i++) {
            ChatMessage message = request.messages().get(i);
            JsonNode node = i < nodes.size() ? nodes.get(i) : null;
            messages.add(new InputMessage(message.role(), parts(message, node), null));
        }
        return messages;
    }

    private static List<ToolDefinition> toolDefinitions(ChatRequest request) {
        List<ToolDefinition> tools = new ArrayList<>(request.tools().size());
        for (Tool tool : request.tools()) {
            tools.add(new FunctionToolDefinition(tool.name(), tool.description(), tool.parameters()));
        }
        return tools;
    }

    static InferenceRequest generate(GenerateRequest request, boolean stream, String host, Long port) {
        return common(OperationName.TEXT_COMPLETION, request.model(), request.options(), request.format(), stream,
                host, port)
                .systemInstructions(() -> request.system() == null ? null
                        : List.<MessagePart>of(new MessagePart.Text(request.system())))
                .inputMessages(() -> {
                    List<MessagePart> parts = new ArrayList<>(1 + request.images().size());
                    parts.add(new MessagePart.Text(request.prompt()));
                    images(request.images(), parts);
                    return List.of(new InputMessage(Role.USER, parts, null));
                })
                .build();
    }

    static EmbeddingsRequest embed(EmbedRequest request, String host, Long port) {
        return new EmbeddingsRequest(ProviderName.OLLAMA, emptyToNull(request.model()),
                request.dimensions() == null ? null : request.dimensions().longValue(), null, host, port, null);
    }

    /**
     * A complete, non-streamed chat answer.
     *
     * @param response the answer as read by {@link WireFormat#chatResponse}
     * @param root the JSON it was read from, for the tool-call arguments as sent; null when there is none
     */
    static InferenceResponse chatResponse(ChatResponse response, JsonNode root) {
        InferenceResponse.Builder builder = metadata(response.model(), response.doneReason(),
                response.promptEvalCount(), response.evalCount(), response.totalDuration(), response.loadDuration(),
                response.promptEvalDuration(), response.evalDuration());
        if (response.message() != null) {
            builder.outputMessages(() -> List.of(new OutputMessage(Role.ASSISTANT, outputParts(response.message(),
                    root == null ? null : root.get("message")), null, outputFinishReason(response.doneReason()))));
        }
        return builder.build();
    }

    /** A complete, non-streamed generate answer. */
    static InferenceResponse generateResponse(GenerateResponse response) {
        InferenceResponse.Builder builder = metadata(response.model(), response.doneReason(),
                response.promptEvalCount(), response.evalCount(), response.totalDuration(), response.loadDuration(),
                response.promptEvalDuration(), response.evalDuration());
        builder.outputMessages(() -> {
            List<MessagePart> parts = new ArrayList<>(2);
            if (response.thinking() != null && !response.thinking().isEmpty()) {
                parts.add(new MessagePart.Reasoning(response.thinking()));
            }
            parts.add(new MessagePart.Text(response.response()));
            return List.of(new OutputMessage(Role.ASSISTANT, parts, null, outputFinishReason(response.doneReason())));
        });
        return builder.build();
    }

    /** The metadata of a stream's final chunk; the content was accumulated chunk by chunk. */
    static InferenceResponse finalChunk(ChatResponse chunk) {
        return metadata(chunk.model(), chunk.doneReason(), chunk.promptEvalCount(), chunk.evalCount(),
                chunk.totalDuration(), chunk.loadDuration(), chunk.promptEvalDuration(), chunk.evalDuration())
                .build();
    }

    /** The metadata of a generate stream's final chunk. */
    static InferenceResponse finalChunk(GenerateResponse chunk) {
        return metadata(chunk.model(), chunk.doneReason(), chunk.promptEvalCount(), chunk.evalCount(),
                chunk.totalDuration(), chunk.loadDuration(), chunk.promptEvalDuration(), chunk.evalDuration())
                .build();
    }

    /**
     * Feeds one chat chunk's deltas to the accumulator (Ollama sends each tool call whole, in one chunk).
     *
     * @param toolIndex the number of tool calls seen before this chunk
     * @return the number of tool calls seen including this chunk
     */
    static int accumulate(StreamAccumulator accumulator, ChatResponse chunk, JsonNode root, int toolIndex) {
        ChatMessage message = chunk.message();
        int index = toolIndex;
        if (message != null) {
            if (message.thinking() != null) {
                accumulator.appendReasoning(0, message.thinking());
            }
            accumulator.appendText(0, message.content());
            List<ToolCall> calls = message.toolCalls();
            List<Object> sent = calls.isEmpty() || root == null ? List.of()
                    : WireFormat.toolCallArguments(root.get("message"));
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                Object arguments = i < sent.size() ? sent.get(i) : call.arguments();
                accumulator.appendToolCall(0, index++, call.id(), call.name(), arguments instanceof String text
                        ? text : WireFormat.MAPPER.valueToTree(arguments).toString());
            }
        }
        finish(accumulator, chunk.model(), chunk.doneReason());
        return index;
    }

    /** Feeds one generate chunk's deltas to the accumulator. */
    static void accumulate(StreamAccumulator accumulator, GenerateResponse chunk) {
        if (chunk.thinking() != null) {
            accumulator.appendReasoning(0, chunk.thinking());
        }
        accumulator.appendText(0, chunk.response());
        finish(accumulator, chunk.model(), chunk.doneReason());
    }

    static EmbeddingsResponse embedResponse(EmbedResponse response) {
        AttributesBuilder attributes = Attributes.builder();
        seconds(attributes, OllamaAttributes.RESPONSE_TOTAL_DURATION, response.totalDuration());
        seconds(attributes, OllamaAttributes.RESPONSE_LOAD_DURATION, response.loadDuration());
        return new EmbeddingsResponse(response.model(), response.promptEvalCount(), attributes.build());
    }

    private static void finish(StreamAccumulator accumulator, String model, String doneReason) {
        accumulator.responseModel(model);
        if (doneReason != null) {
            accumulator.finishReason(0, doneReason);
        }
    }

    private static InferenceRequest.Builder common(String operation, String model, Map<String, Object> options,
            Object format, boolean stream, String host, Long port) {
        InferenceRequest.Builder builder = InferenceRequest.builder(operation, ProviderName.OLLAMA)
                .model(emptyToNull(model))
                .stream(stream)
                .server(host, port);
        if (format != null) {
            builder.outputType(OutputType.JSON);
        }
        if (options.isEmpty()) {
            return builder;
        }
        builder.temperature(decimal(options.get("temperature")))
                .topP(decimal(options.get("top_p")))
                .topK(integer(options.get("top_k")))
                .seed(integer(options.get("seed")))
                .presencePenalty(decimal(options.get("presence_penalty")))
                .frequencyPenalty(decimal(options.get("frequency_penalty")));
        Long numPredict = integer(options.get("num_predict"));
        if (numPredict != null && numPredict >= 0) {
            builder.maxTokens(numPredict);
        }
        Object stop = options.get("stop");
        if (stop instanceof String single) {
            builder.stopSequences(List.of(single));
        } else if (stop instanceof List<?> list) {
            List<String> sequences = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element instanceof String sequence) {
                    sequences.add(sequence);
                }
            }
            builder.stopSequences(sequences);
        }
        AttributesBuilder attributes = Attributes.builder();
        Double repeatPenalty = decimal(options.get("repeat_penalty"));
        if (repeatPenalty != null) {
            attributes.put(OllamaAttributes.REQUEST_REPEAT_PENALTY, repeatPenalty);
        }
        Long numCtx = integer(options.get("num_ctx"));
        if (numCtx != null) {
            attributes.put(OllamaAttributes.REQUEST_NUM_CTX, numCtx);
        }
        return builder.attributes(attributes.build());
    }

    private static InferenceResponse.Builder metadata(String model, String doneReason, Long promptEvalCount,
            Long evalCount, Long totalDuration, Long loadDuration, Long promptEvalDuration, Long evalDuration) {
        AttributesBuilder attributes = Attributes.builder();
        seconds(attributes, OllamaAttributes.RESPONSE_TOTAL_DURATION, totalDuration);
        seconds(attributes, OllamaAttributes.RESPONSE_LOAD_DURATION, loadDuration);
        seconds(attributes, OllamaAttributes.RESPONSE_PROMPT_EVAL_DURATION, promptEvalDuration);
        seconds(attributes, OllamaAttributes.RESPONSE_EVAL_DURATION, evalDuration);
        return InferenceResponse.builder()
                .responseModel(model)
                .finishReasons(doneReason == null ? null : List.of(doneReason))
                .usage(promptEvalCount == null && evalCount == null ? null
                        : new TokenUsage(promptEvalCount, evalCount, null, null, null))
                .attributes(attributes.build());
    }

    private static List<MessagePart> parts(ChatMessage message, JsonNode node) {
        List<MessagePart> parts = new ArrayList<>(2);
        if (Role.TOOL.equals(message.role())) {
            parts.add(new MessagePart.ToolCallResponse(null, message.content()));
            return parts;
        }
        if (message.thinking() != null && !message.thinking().isEmpty()) {
            parts.add(new MessagePart.Reasoning(message.thinking()));
        }
        if (!message.content().isEmpty() || (message.images().isEmpty() && message.toolCalls().isEmpty())) {
            parts.add(new MessagePart.Text(message.content()));
        }
        images(message.images(), parts);
        toolCalls(message, node, parts);
        return parts;
    }

    private static List<MessagePart> outputParts(ChatMessage message, JsonNode node) {
        List<MessagePart> parts = new ArrayList<>(2);
        if (message.thinking() != null && !message.thinking().isEmpty()) {
            parts.add(new MessagePart.Reasoning(message.thinking()));
        }
        if (!message.content().isEmpty() || message.toolCalls().isEmpty()) {
            parts.add(new MessagePart.Text(message.content()));
        }
        toolCalls(message, node, parts);
        return parts;
    }

    /** The message's tool calls, with their arguments as sent when its JSON is known (text stays text). */
    private static void toolCalls(ChatMessage message, JsonNode node, List<MessagePart> parts) {
        List<Object> sent = node == null ? List.of() : WireFormat.toolCallArguments(node);
        List<ToolCall> calls = message.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            Object arguments = i < sent.size() ? sent.get(i) : call.arguments();
            parts.add(new MessagePart.ToolCallRequest(call.id(), call.name(), arguments));
        }
    }

    private static void images(List<String> images, List<MessagePart> parts) {
        for (String image : images) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(image);
            } catch (IllegalArgumentException e) {
                continue;
            }
            parts.add(new MessagePart.Blob(mimeType(bytes), Modality.IMAGE, bytes));
        }
    }

    /** The image type from its magic number; Ollama's wire format carries none. */
    private static String mimeType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
                && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static String outputFinishReason(String doneReason) {
        return doneReason == null ? FinishReason.STOP : FinishReason.normalize(doneReason);
    }

    private static void seconds(AttributesBuilder attributes, AttributeKey<Double> key, Long nanos) {
        if (nanos != null) {
            attributes.put(key, nanos / NANOS_PER_SECOND);
        }
    }

    private static Double decimal(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static Long integer(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
