package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;

/**
 * How one family of Bedrock models lays out the JSON bodies of {@code InvokeModel} and
 * {@code InvokeModelWithResponseStream}. Implementations are stateless and thread-safe, and never throw for a body
 * of an unexpected shape: what they do not understand, they leave out.
 *
 * <p>Chosen from the model id by {@code ModelFamilies.forModelId(String)}, which understands cross-region inference
 * profiles ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}) and ARNs, and returns a family that reads
 * nothing for a model it does not know.
 */
public interface ModelFamily {

    /** The family's {@code gen_ai.operation.name}: {@code chat}, {@code text_completion} or {@code embeddings}. */
    String operationName();

    /** Whether {@link #operationName()} is {@code embeddings}; then only the embeddings methods are called. */
    default boolean embeddings() {
        return false;
    }

    /**
     * Copies the request parameters (max tokens, temperature, top p, top k, stop sequences, ...) and, only when
     * {@code captureContent}, the system instructions and input messages from an inference request body.
     */
    void readRequest(JsonNode body, InferenceRequest.Builder request, boolean captureContent);

    /**
     * Reads a complete inference response body: id, finish reasons (normalised), usage and, only when
     * {@code captureContent}, the output messages.
     */
    InferenceResponse readResponse(JsonNode body, boolean captureContent);

    /**
     * Applies one decoded chunk of an {@code InvokeModelWithResponseStream} response (the JSON inside a
     * {@code PayloadPart}'s bytes) to the accumulator: text and reasoning deltas, tool-call fragments, finish
     * reason, usage (including the {@code amazon-bedrock-invocationMetrics} object some families append to the last
     * chunk).
     */
    void readStreamChunk(JsonNode chunk, StreamAccumulator accumulator);

    /** Reads an embeddings request body (dimensions, encoding formats) into a request for this provider and model. */
    default EmbeddingsRequest readEmbeddingsRequest(JsonNode body, String providerName, String model) {
        return EmbeddingsRequest.of(providerName, model);
    }

    /** Reads an embeddings response body (input token count when the body has one). */
    default EmbeddingsResponse readEmbeddingsResponse(JsonNode body) {
        return EmbeddingsResponse.of(null, null);
    }
}
