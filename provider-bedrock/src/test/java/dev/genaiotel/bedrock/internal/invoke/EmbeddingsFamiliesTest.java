package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.PROVIDER;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import org.junit.jupiter.api.Test;

/** Titan Embeddings (text and multimodal) and Cohere Embed bodies. */
class EmbeddingsFamiliesTest {

    @Test
    void titanTextV2DimensionsAndEmbeddingTypesAreRead() {
        EmbeddingsRequest request = ModelFamilies.TITAN_EMBED_TEXT.readEmbeddingsRequest(json("""
                {"inputText": "Hello world", "dimensions": 512, "normalize": true,
                 "embeddingTypes": ["float", "binary"]}
                """), PROVIDER, "amazon.titan-embed-text-v2:0");

        assertThat(request).isEqualTo(new EmbeddingsRequest(PROVIDER, "amazon.titan-embed-text-v2:0", 512L,
                java.util.List.of("float", "binary"), null, null, null));
    }

    @Test
    void titanTextV1RequestHasOnlyTheModel() {
        EmbeddingsRequest request = ModelFamilies.TITAN_EMBED_TEXT.readEmbeddingsRequest(
                json("{\"inputText\": \"Hello world\"}"), PROVIDER, "amazon.titan-embed-text-v1");

        assertThat(request).isEqualTo(EmbeddingsRequest.of(PROVIDER, "amazon.titan-embed-text-v1"));
    }

    @Test
    void titanTextResponseInputTokensAreRead() {
        EmbeddingsResponse response = ModelFamilies.TITAN_EMBED_TEXT.readEmbeddingsResponse(json("""
                {"embedding": [0.012, -0.034, 0.056], "inputTextTokenCount": 3,
                 "embeddingsByType": {"float": [0.012, -0.034, 0.056]}}
                """));

        assertThat(response).isEqualTo(EmbeddingsResponse.of(null, 3L));
    }

    @Test
    void titanImageOutputEmbeddingLengthIsTheDimensionCount() {
        EmbeddingsRequest request = ModelFamilies.TITAN_EMBED_IMAGE.readEmbeddingsRequest(json("""
                {"inputText": "a red bicycle", "inputImage": "iVBORw0KGgo=",
                 "embeddingConfig": {"outputEmbeddingLength": 384}}
                """), PROVIDER, "amazon.titan-embed-image-v1");
        EmbeddingsResponse response = ModelFamilies.TITAN_EMBED_IMAGE.readEmbeddingsResponse(json("""
                {"embedding": [0.1, 0.2], "inputTextTokenCount": 4, "message": null}
                """));

        assertThat(request.dimensionCount()).isEqualTo(384L);
        assertThat(request.encodingFormats()).isEmpty();
        assertThat(response.inputTokens()).isEqualTo(4L);
    }

    @Test
    void cohereEmbeddingTypesAndOutputDimensionAreRead() {
        EmbeddingsRequest request = ModelFamilies.COHERE_EMBED.readEmbeddingsRequest(json("""
                {"texts": ["hello", "world"], "input_type": "search_document", "truncate": "END",
                 "embedding_types": ["float", "int8"], "output_dimension": 1024}
                """), PROVIDER, "cohere.embed-v4:0");

        assertThat(request).isEqualTo(new EmbeddingsRequest(PROVIDER, "cohere.embed-v4:0", 1024L,
                java.util.List.of("float", "int8"), null, null, null));
    }

    @Test
    void cohereResponseWithoutMetaHasNoTokenCount() {
        EmbeddingsResponse response = ModelFamilies.COHERE_EMBED.readEmbeddingsResponse(json("""
                {"embeddings": [[0.01, 0.02], [0.03, 0.04]], "id": "6d1f0a3e-9b7c-4f2e-8e11-7c5a2b9d0f13",
                 "response_type": "embeddings_floats", "texts": ["hello", "world"]}
                """));

        assertThat(response).isEqualTo(EmbeddingsResponse.of(null, null));
    }

    @Test
    void cohereBilledInputTokensAreReadWhenPresent() {
        EmbeddingsResponse response = ModelFamilies.COHERE_EMBED.readEmbeddingsResponse(json("""
                {"embeddings": {"float": [[0.01]]}, "id": "abc", "response_type": "embeddings_by_type",
                 "texts": ["hello"], "meta": {"billed_units": {"input_tokens": 2}}}
                """));

        assertThat(response.inputTokens()).isEqualTo(2L);
    }

    @Test
    void embeddingsFamiliesReadNothingAsInference() {
        for (ModelFamily family : new ModelFamily[] {ModelFamilies.TITAN_EMBED_TEXT, ModelFamilies.TITAN_EMBED_IMAGE,
                ModelFamilies.COHERE_EMBED}) {
            assertThat(Bodies.request(family, "{\"inputText\": \"x\", \"texts\": [\"y\"]}", true).inputMessages())
                    .isEmpty();
            assertThat(Bodies.response(family, "{\"embedding\": [1.0]}", true).finishReasons()).isEmpty();
        }
    }
}
