package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import java.util.List;

/**
 * Amazon Titan Embeddings. Text (G1, V2): {@code inputText}, {@code dimensions}, {@code normalize},
 * {@code embeddingTypes} ({@code float}, {@code binary}); Multimodal (image G1): {@code inputText},
 * {@code inputImage}, {@code embeddingConfig.outputEmbeddingLength}. Both answer {@code embedding} and
 * {@code inputTextTokenCount}.
 */
final class TitanEmbedFamily extends EmbeddingsFamily {

    private final boolean image;

    TitanEmbedFamily(boolean image) {
        this.image = image;
    }

    @Override
    public EmbeddingsRequest readEmbeddingsRequest(JsonNode body, String providerName, String model) {
        Long dimensions = image ? Json.longValue(body.path("embeddingConfig").path("outputEmbeddingLength"))
                : Json.longValue(body.path("dimensions"));
        List<String> formats = Json.strings(body.path("embeddingTypes"));
        return new EmbeddingsRequest(providerName, model, dimensions, formats, null, null, null);
    }

    @Override
    public EmbeddingsResponse readEmbeddingsResponse(JsonNode body) {
        return EmbeddingsResponse.of(null, Json.longValue(body.path("inputTextTokenCount")));
    }

    @Override
    public String toString() {
        return image ? "TitanEmbedImageFamily" : "TitanEmbedTextFamily";
    }
}
