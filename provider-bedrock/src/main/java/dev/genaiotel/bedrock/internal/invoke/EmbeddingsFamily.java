package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.OperationName;

/** The part every embeddings family shares: the operation, and inference methods that read nothing. */
abstract class EmbeddingsFamily implements ModelFamily {

    @Override
    public final String operationName() {
        return OperationName.EMBEDDINGS;
    }

    @Override
    public final boolean embeddings() {
        return true;
    }

    @Override
    public final void readRequest(JsonNode body, InferenceRequest.Builder request) {}

    @Override
    public final InferenceResponse readResponse(JsonNode body) {
        return InferenceResponse.empty();
    }

    @Override
    public final void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator) {}
}
