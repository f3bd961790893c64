package dev.genaiotel.core;

import io.opentelemetry.api.common.Attributes;

/**
 * What an embeddings call returned.
 *
 * @param responseModel {@code gen_ai.response.model}, or null
 * @param inputTokens {@code gen_ai.usage.input_tokens}, or null
 * @param attributes provider-specific response attributes
 */
public record EmbeddingsResponse(String responseModel, Long inputTokens, Attributes attributes) {

    /** Defaults the attributes. */
    public EmbeddingsResponse {
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /** A response with model and input tokens. */
    public static EmbeddingsResponse of(String responseModel, Long inputTokens) {
        return new EmbeddingsResponse(responseModel, inputTokens, null);
    }
}
