package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Mistral AI. The text models (Mistral 7B, Mixtral 8x7B, Mistral Small and Large 2402) take {@code prompt},
 * {@code max_tokens}, {@code stop}, {@code temperature}, {@code top_p}, {@code top_k} and answer
 * {@code outputs[]} ({@code text}, {@code stop_reason}), in stream chunks too. The chat completion API (Mistral
 * Large 2407, Pixtral, and Large 2402 when sent {@code messages}) answers {@code choices[]}, read as
 * {@link ChatCompletionsFamily} reads it. The body tells which; the operation name comes from the model id.
 */
final class MistralFamily implements ModelFamily {

    private final String operationName;
    private final ChatCompletionsFamily chat;

    MistralFamily(String operationName) {
        this.operationName = operationName;
        this.chat = new ChatCompletionsFamily("Mistral", operationName);
    }

    @Override
    public String operationName() {
        return operationName;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        chat.readRequest(body, request);
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        String prompt = Json.text(body.path("prompt"));
        if (prompt != null && !body.has("messages")) {
            return List.of(InputMessage.text(Role.USER, prompt));
        }
        return chat.inputMessages(body);
    }

    @Override
    public List<ToolDefinition> toolDefinitions(JsonNode body) {
        return chat.toolDefinitions(body);
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        JsonNode outputs = body.path("outputs");
        if (!outputs.isArray()) {
            return chat.readResponse(body);
        }
        List<String> reasons = new ArrayList<>(outputs.size());
        for (JsonNode output : outputs) {
            reasons.add(Vocabulary.finishReason(Json.text(output.path("stop_reason"))));
        }
        return InferenceResponse.builder().finishReasons(reasons).build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        JsonNode outputs = body.path("outputs");
        if (!outputs.isArray()) {
            return chat.outputMessages(body);
        }
        List<OutputMessage> messages = new ArrayList<>(outputs.size());
        for (JsonNode output : outputs) {
            String reason = Vocabulary.finishReason(Json.text(output.path("stop_reason")));
            MessagePart text = Json.textPart(output.path("text"));
            messages.add(Vocabulary.assistant(text == null ? List.of() : List.of(text), reason));
        }
        return messages;
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        JsonNode outputs = chunk.path("outputs");
        if (!outputs.isArray()) {
            chat.readStreamChunk(chunk, accumulator);
            return;
        }
        int index = 0;
        for (JsonNode output : outputs) {
            accumulator.appendText(index, Json.text(output.path("text")));
            String reason = Json.text(output.path("stop_reason"));
            if (reason != null) {
                accumulator.finishReason(index, Vocabulary.finishReason(reason));
            }
            index++;
        }
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }

    @Override
    public String toString() {
        return "MistralFamily[" + operationName + "]";
    }
}
