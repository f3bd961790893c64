package dev.genaiotel.core;

import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Objects;

/**
 * An embeddings request (the GenAI embeddings span, operation {@code embeddings}). No content is recorded for
 * embeddings.
 *
 * @param providerName {@code gen_ai.provider.name}
 * @param model {@code gen_ai.request.model}, or null
 * @param dimensionCount {@code gen_ai.embeddings.dimension.count} (span only, never on metrics), or null
 * @param encodingFormats {@code gen_ai.request.encoding_formats}; empty when none
 * @param serverAddress {@code server.address}, or null
 * @param serverPort {@code server.port}, recorded only with an address; or null
 * @param attributes provider-specific attributes, set on the span at start
 */
public record EmbeddingsRequest(
        String providerName, String model, Long dimensionCount, List<String> encodingFormats, String serverAddress,
        Long serverPort, Attributes attributes) implements GenAiRequest {

    /** Checks the provider and copies the list. */
    public EmbeddingsRequest {
        Objects.requireNonNull(providerName, "providerName");
        encodingFormats = encodingFormats == null ? List.of() : List.copyOf(encodingFormats);
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /** A request with only provider and model. */
    public static EmbeddingsRequest of(String providerName, String model) {
        return new EmbeddingsRequest(providerName, model, null, null, null, null, null);
    }
}
