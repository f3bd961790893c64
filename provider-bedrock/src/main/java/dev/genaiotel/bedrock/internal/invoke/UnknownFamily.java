package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.OperationName;

/**
 * A model whose body format is not known (an application inference profile, a provisioned or imported model, a new
 * provider): the span is recorded with what the call itself tells, and nothing is read from the bodies.
 */
final class UnknownFamily implements ModelFamily {

    static final UnknownFamily INSTANCE = new UnknownFamily();

    private UnknownFamily() {}

    @Override
    public String operationName() {
        return OperationName.CHAT;
    }

    @Override
    public void readRequest(JsonNode body, InferenceRequest.Builder request) {}

    @Override
    public InferenceResponse readResponse(JsonNode body) {
        return InferenceResponse.empty();
    }

    @Override
    public void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {}

    @Override
    public String toString() {
        return "UnknownFamily";
    }
}
