package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.List;

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
     * Copies the request parameters (max tokens, temperature, top p, top k, stop sequences, ...) from an inference
     * request body. Content is left to {@link #systemInstructions}, {@link #inputMessages} and
     * {@link #toolDefinitions}, which the core runs only when something records it.
     */
    void readRequest(JsonNode body, InferenceRequest.Builder request);

    /** The system instructions of an inference request body: content, mapped only when it is recorded. */
    default List<MessagePart> systemInstructions(JsonNode body) {
        return List.of();
    }

    /** The input messages of an inference request body: content, mapped only when it is recorded. */
    default List<InputMessage> inputMessages(JsonNode body) {
        return List.of();
    }

    /** The tool definitions of an inference request body: content, mapped only when it is recorded. */
    default List<ToolDefinition> toolDefinitions(JsonNode body) {
        return List.of();
    }

    /**
     * Reads a complete inference response body: id, model, finish reasons (normalised) and usage. The output is left
     * to {@link #outputMessages}.
     */
    InferenceResponse readResponse(JsonNode body);

    /** The output messages of a complete inference response body: content, mapped only when it is recorded. */
    default List<OutputMessage> outputMessages(JsonNode body) {
        return List.of();
    }

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
