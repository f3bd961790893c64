package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Cohere Command and Command Light: {@code prompt}, {@code temperature}, {@code p}, {@code k},
 * {@code max_tokens}, {@code stop_sequences}, {@code num_generations}; the response's {@code id} and
 * {@code generations[]} ({@code text}, {@code finish_reason}); stream chunks with {@code text},
 * {@code is_finished} and {@code finish_reason}. Cohere reports no token counts in these bodies; they come from the
 * invocation metrics or Bedrock's response headers.
 */
final class CohereCommandFamily implements ModelFamily {

    static final CohereCommandFamily INSTANCE = new CohereCommandFamily();

    private CohereCommandFamily() {}

    @Override
    public String operationName() {
        return OperationName.TEXT_COMPLETION;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        request.maxTokens(Json.longValue(body.path("max_tokens")))
                .temperature(Json.doubleValue(body.path("temperature")))
                .topP(Json.doubleValue(body.path("p")))
                .topK(Json.longValue(body.path("k")))
                .stopSequences(Json.strings(body.path("stop_sequences")))
                .choiceCount(Json.longValue(body.path("num_generations")));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        String prompt = Json.text(body.path("prompt"));
        return prompt == null ? List.of() : List.of(InputMessage.text(Role.USER, prompt));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        JsonNode generations = body.path("generations");
        List<String> reasons = new ArrayList<>();
        if (generations.isArray()) {
            for (JsonNode generation : generations) {
                reasons.add(Vocabulary.finishReason(Json.text(generation.path("finish_reason"))));
            }
        }
        return InferenceResponse.builder()
                .responseId(Json.text(body.path("id")))
                .finishReasons(reasons)
                .build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        JsonNode generations = body.path("generations");
        if (!generations.isArray()) {
            return List.of();
        }
        List<OutputMessage> outputs = new ArrayList<>(generations.size());
        for (JsonNode generation : generations) {
            String reason = Vocabulary.finishReason(Json.text(generation.path("finish_reason")));
            MessagePart text = Json.textPart(generation.path("text"));
            outputs.add(Vocabulary.assistant(text == null ? List.of() : List.of(text), reason));
        }
        return outputs;
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        int index = Json.index(chunk.path("index"));
        String text = Json.text(chunk.path("text"));
        if (text != null) {
            accumulator.appendText(index, text);
        }
        String reason = Json.text(chunk.path("finish_reason"));
        if (reason != null) {
            accumulator.finishReason(index, Vocabulary.finishReason(reason));
        }
        accumulator.responseId(Json.text(chunk.path("id")))
                .responseId(Json.text(chunk.path("response").path("id")));
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }
}
