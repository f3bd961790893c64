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
 * Amazon Titan Text (Lite, Express, Premier): {@code inputText} and {@code textGenerationConfig}
 * ({@code maxTokenCount}, {@code temperature}, {@code topP}, {@code stopSequences}); the response's
 * {@code inputTextTokenCount} and {@code results[]} ({@code outputText}, {@code tokenCount},
 * {@code completionReason}); stream chunks with {@code outputText}, {@code index},
 * {@code totalOutputTextTokenCount} and {@code completionReason}.
 */
final class TitanTextFamily implements ModelFamily {

    static final TitanTextFamily INSTANCE = new TitanTextFamily();

    private TitanTextFamily() {}

    @Override
    public String operationName() {
        return OperationName.TEXT_COMPLETION;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {
        JsonNode config = body.path("textGenerationConfig");
        request.maxTokens(Json.longValue(config.path("maxTokenCount")))
                .temperature(Json.doubleValue(config.path("temperature")))
                .topP(Json.doubleValue(config.path("topP")))
                .stopSequences(Json.strings(config.path("stopSequences")));
    }

    @Override
    public List<InputMessage> inputMessages(JsonNode body) {
        String prompt = Json.text(body.path("inputText"));
        return prompt == null ? List.of() : List.of(InputMessage.text(Role.USER, prompt));
    }

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        JsonNode results = body.path("results");
        List<String> reasons = new ArrayList<>();
        Long outputTokens = null;
        if (results.isArray()) {
            for (JsonNode result : results) {
                reasons.add(Vocabulary.finishReason(Json.text(result.path("completionReason"))));
                Long tokens = Json.longValue(result.path("tokenCount"));
                if (tokens != null) {
                    outputTokens = outputTokens == null ? tokens : outputTokens + tokens;
                }
            }
        }
        return InferenceResponse.builder()
                .finishReasons(reasons)
                .usage(Vocabulary.usage(Json.longValue(body.path("inputTextTokenCount")), outputTokens))
                .build();
    }

    @Override
    public List<OutputMessage> outputMessages(JsonNode body) {
        JsonNode results = body.path("results");
        if (!results.isArray()) {
            return List.of();
        }
        List<OutputMessage> outputs = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            String reason = Vocabulary.finishReason(Json.text(result.path("completionReason")));
            MessagePart text = Json.textPart(result.path("outputText"));
            outputs.add(Vocabulary.assistant(text == null ? List.of() : List.of(text), reason));
        }
        return outputs;
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {
        int index = Json.index(chunk.path("index"));
        String text = Json.text(chunk.path("outputText"));
        if (text != null) {
            accumulator.appendText(index, text);
        }
        String reason = Json.text(chunk.path("completionReason"));
        if (reason != null) {
            accumulator.finishReason(index, Vocabulary.finishReason(reason));
        }
        accumulator.usage(Vocabulary.usage(Json.longValue(chunk.path("inputTextTokenCount")),
                Json.longValue(chunk.path("totalOutputTextTokenCount"))));
        Vocabulary.fillFromInvocationMetrics(chunk, accumulator);
    }
}
