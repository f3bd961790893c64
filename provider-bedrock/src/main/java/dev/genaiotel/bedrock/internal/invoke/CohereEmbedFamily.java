package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import java.util.List;

/**
 * Cohere Embed (English and Multilingual v3, v4): {@code texts} or {@code images}, {@code input_type},
 * {@code truncate}, {@code embedding_types} ({@code float}, {@code int8}, {@code uint8}, {@code binary},
 * {@code ubinary}) and, for v4, {@code output_dimension}. The response ({@code id}, {@code embeddings},
 * {@code texts}, {@code response_type}) carries token counts only in {@code meta.billed_units} when present; the
 * response id has no embeddings attribute in the conventions and is not recorded.
 */
final class CohereEmbedFamily extends EmbeddingsFamily {

    static final CohereEmbedFamily INSTANCE = new CohereEmbedFamily();

    private CohereEmbedFamily() {}

    @Override
    public EmbeddingsRequest readEmbeddingsRequest(JsonNode body, String providerName, String model) {
        List<String> formats = Json.strings(body.path("embedding_types"));
        return new EmbeddingsRequest(providerName, model, Json.longValue(body.path("output_dimension")), formats,
                null, null, null);
    }

    @Override
    public EmbeddingsResponse readEmbeddingsResponse(JsonNode body) {
        JsonNode meta = body.path("meta");
        Long input = Json.longValue(meta.path("billed_units").path("input_tokens"));
        return EmbeddingsResponse.of(null, input != null ? input : Json.longValue(meta.path("tokens")
                .path("input_tokens")));
    }

    @Override
    public String toString() {
        return "CohereEmbedFamily";
    }
}
