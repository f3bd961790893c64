package dev.genaiotel.openai.internal;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import java.util.List;

/** Embeddings ({@code POST /embeddings}) to the core's embeddings model. */
final class EmbeddingsMapping {

    private EmbeddingsMapping() {}

    static EmbeddingsRequest request(EmbeddingCreateParams params, Endpoint endpoint) {
        String model = null;
        Long dimensions = null;
        List<String> formats = null;
        try {
            model = params.model().asString();
            dimensions = params.dimensions().orElse(null);
            formats = params.encodingFormat().map(format -> List.of(format.asString())).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("embeddings request mapping", e);
        }
        return new EmbeddingsRequest(endpoint.providerName(), model, dimensions, formats, endpoint.serverAddress(),
                endpoint.serverPort(), null);
    }

    static EmbeddingsResponse response(CreateEmbeddingResponse response) {
        return EmbeddingsResponse.of(response.model(), response.usage().promptTokens());
    }
}
