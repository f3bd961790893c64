package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Meta Llama (2, 3, 3.1-3.3, 4): {@code prompt}, {@code max_gen_len}, {@code temperature}, {@code top_p} and, for
 * the vision models, {@code images} (base64); the response's {@code generation}, {@code prompt_token_count},
 * {@code generation_token_count} and {@code stop_reason}, which the stream chunks repeat piece by piece.
 */
final class LlamaFamily implements ModelFamily {

    static final LlamaFamily INSTANCE = new LlamaFamily();

    private LlamaFamily() {}

    @Override
    public String operationName() {
        return OperationName.TEXT_COMPLETION;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        request.maxTokens(Json.longValue(body.path("max_gen_len")))
                .temperature(Json.doubleValue(body.path("temperature")))
                .topP(Json.doubleValue(body.path("top_p")));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        List<MessagePart> parts = new ArrayList<>();
        Json.add(parts, Json.textPart(body.path("prompt")));
        JsonNode images = body.path("images");
        if (images.isArray()) {
            for (JsonNode image : images) {
                Json.add(parts, Json.blob(image, null, Modality.IMAGE));
            }
        }
        return parts.isEmpty() ? List.of() : List.of(new InputMessage(Role.USER, parts));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        InferenceResponse.Builder response = InferenceResponse.builder()
                .usage(Vocabulary.usage(Json.longValue(body.path("prompt_token_count")),
                        Json.longValue(body.path("generation_token_count"))));
        String reason = Vocabulary.finishReason(Json.text(body.path("stop_reason")));
        if (reason != null || body.path("generation").isTextual()) {
            response.finishReasons(Collections.singletonList(reason));
        }
        return response.build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        String reason = Vocabulary.finishReason(Json.text(body.path("stop_reason")));
        JsonNode generation = body.path("generation");
        if (reason == null && !generation.isTextual()) {
            return List.of();
        }
        MessagePart text = Json.textPart(generation);
        return List.of(Vocabulary.assistant(text == null ? List.of() : List.of(text), reason));
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        String text = Json.text(chunk.path("generation"));
        if (text != null) {
            accumulator.appendText(0, text);
        }
        String reason = Json.text(chunk.path("stop_reason"));
        if (reason != null) {
            accumulator.finishReason(0, Vocabulary.finishReason(reason));
        }
        accumulator.usage(Vocabulary.usage(Json.longValue(chunk.path("prompt_token_count")),
                Json.longValue(chunk.path("generation_token_count"))));
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }
}
