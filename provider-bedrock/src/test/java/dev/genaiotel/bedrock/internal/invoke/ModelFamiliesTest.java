package dev.genaiotel.bedrock.internal.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.OperationName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which family reads the bodies of a model id, profile id or ARN. */
class ModelFamiliesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "anthropic.claude-3-5-sonnet-20240620-v1:0, ANTHROPIC",
        "anthropic.claude-v2:1, ANTHROPIC",
        "amazon.nova-pro-v1:0, NOVA",
        "amazon.nova-micro-v1:0, NOVA",
        "amazon.nova-premier-v1:0, NOVA",
        "amazon.titan-text-express-v1, TITAN_TEXT",
        "amazon.titan-text-premier-v1:0, TITAN_TEXT",
        "amazon.titan-tg1-large, TITAN_TEXT",
        "amazon.titan-embed-text-v2:0, TITAN_EMBED_TEXT",
        "amazon.titan-embed-text-v1, TITAN_EMBED_TEXT",
        "amazon.titan-embed-image-v1, TITAN_EMBED_IMAGE",
        "meta.llama3-1-70b-instruct-v1:0, LLAMA",
        "meta.llama4-maverick-17b-instruct-v1:0, LLAMA",
        "cohere.command-text-v14, COHERE_COMMAND",
        "cohere.command-light-text-v14, COHERE_COMMAND",
        "cohere.command-r-plus-v1:0, COHERE_COMMAND_R",
        "cohere.command-r-v1:0, COHERE_COMMAND_R",
        "cohere.embed-english-v3, COHERE_EMBED",
        "cohere.embed-multilingual-v3, COHERE_EMBED",
        "mistral.mistral-7b-instruct-v0:2, MISTRAL_TEXT",
        "mistral.mixtral-8x7b-instruct-v0:1, MISTRAL_TEXT",
        "mistral.mistral-large-2402-v1:0, MISTRAL_TEXT",
        "mistral.mistral-large-2407-v1:0, MISTRAL_CHAT",
        "mistral.pixtral-large-2502-v1:0, MISTRAL_CHAT",
        "ai21.jamba-1-5-large-v1:0, JAMBA",
        "ai21.jamba-instruct-v1:0, JAMBA",
        "deepseek.r1-v1:0, DEEPSEEK",
        "mistral.magistral-small-2509, MISTRAL_CHAT",
        "openai.gpt-oss-120b-1:0, OPENAI",
        "openai.gpt-oss-20b-1:0, OPENAI",
        "us.openai.gpt-oss-safeguard-120b, OPENAI",
        "amazon.nova-2-lite-v1:0, NOVA",
        "deepseek.v3-v1:0, DEEPSEEK",
    })
    void plainModelIds(String modelId, String family) {
        assertThat(ModelFamilies.forModelId(modelId)).isSameAs(family(family));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "us.anthropic.claude-3-7-sonnet-20250219-v1:0, ANTHROPIC",
        "eu.anthropic.claude-3-5-sonnet-20240620-v1:0, ANTHROPIC",
        "apac.amazon.nova-lite-v1:0, NOVA",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0, ANTHROPIC",
        "us-gov.anthropic.claude-3-haiku-20240307-v1:0, ANTHROPIC",
        "jp.anthropic.claude-sonnet-4-5-20250929-v1:0, ANTHROPIC",
        "au.anthropic.claude-haiku-4-5-20251001-v1:0, ANTHROPIC",
        "us.meta.llama3-2-90b-instruct-v1:0, LLAMA",
        "us.deepseek.r1-v1:0, DEEPSEEK",
        "eu.mistral.pixtral-large-2502-v1:0, MISTRAL_CHAT",
    })
    void crossRegionInferenceProfiles(String profileId, String family) {
        assertThat(ModelFamilies.forModelId(profileId)).isSameAs(family(family));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0, ANTHROPIC",
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1, ANTHROPIC",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0, ANTHROPIC",
        "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-pro-v1:0, NOVA",
        "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/meta.llama3-8b-instruct-v1:0, LLAMA",
        "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v2:0, TITAN_EMBED_TEXT",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/a1b2c3, TITAN_TEXT",
    })
    void arnsNamingAModel(String arn, String family) {
        assertThat(ModelFamilies.forModelId(arn)).isSameAs(family(family));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz987",
        "arn:aws:bedrock:us-east-1:123456789012:imported-model/k2j3h4g5",
        "arn:aws:bedrock:us-east-1",
        "arn:aws:bedrock:us-east-1::foundation-model",
        "stability.sd3-5-large-v1:0",
        "amazon.nova-canvas-v1:0",
        "amazon.nova-reel-v1:1",
        "amazon.nova-sonic-v1:0",
        "amazon.nova-2-sonic-v1:0",
        "amazon.nova-2-multimodal-embeddings-v1:0",
        "amazon.titan-image-generator-v2:0",
        "cohere.rerank-v3-5:0",
        "ai21.j2-ultra-v1",
        "meta.unknown-v1",
        "us.example.model-v1:0",
        "longprefix.anthropic.claude-3-haiku-20240307-v1:0",
        "anthropic",
        "us.",
        ".anthropic.claude",
        "my-fine-tuned-model",
    })
    void idsThatNameNoKnownModelReadNothing(String modelId) {
        assertThat(ModelFamilies.forModelId(modelId)).isSameAs(ModelFamilies.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIdReadsNothing(String modelId) {
        assertThat(ModelFamilies.forModelId(modelId)).isSameAs(ModelFamilies.UNKNOWN);
    }

    @Test
    void familiesReportTheirOperation() {
        assertThat(ModelFamilies.ANTHROPIC.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.NOVA.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.TITAN_TEXT.operationName()).isEqualTo(OperationName.TEXT_COMPLETION);
        assertThat(ModelFamilies.LLAMA.operationName()).isEqualTo(OperationName.TEXT_COMPLETION);
        assertThat(ModelFamilies.COHERE_COMMAND.operationName()).isEqualTo(OperationName.TEXT_COMPLETION);
        assertThat(ModelFamilies.COHERE_COMMAND_R.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.MISTRAL_TEXT.operationName()).isEqualTo(OperationName.TEXT_COMPLETION);
        assertThat(ModelFamilies.MISTRAL_CHAT.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.JAMBA.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.DEEPSEEK.operationName()).isEqualTo(OperationName.TEXT_COMPLETION);
        assertThat(ModelFamilies.OPENAI.operationName()).isEqualTo(OperationName.CHAT);
        assertThat(ModelFamilies.UNKNOWN.operationName()).isEqualTo(OperationName.CHAT);
    }

    @Test
    void onlyEmbeddingsFamiliesAreEmbeddings() {
        for (ModelFamily family : AllFamilies.LIST) {
            boolean embeddings = family == ModelFamilies.TITAN_EMBED_TEXT || family == ModelFamilies.TITAN_EMBED_IMAGE
                    || family == ModelFamilies.COHERE_EMBED;
            assertThat(family.embeddings()).as(family.toString()).isEqualTo(embeddings);
            assertThat(family.operationName().equals(OperationName.EMBEDDINGS)).as(family.toString())
                    .isEqualTo(embeddings);
        }
    }

    private static ModelFamily family(String name) {
        return switch (name) {
            case "ANTHROPIC" -> ModelFamilies.ANTHROPIC;
            case "NOVA" -> ModelFamilies.NOVA;
            case "TITAN_TEXT" -> ModelFamilies.TITAN_TEXT;
            case "TITAN_EMBED_TEXT" -> ModelFamilies.TITAN_EMBED_TEXT;
            case "TITAN_EMBED_IMAGE" -> ModelFamilies.TITAN_EMBED_IMAGE;
            case "LLAMA" -> ModelFamilies.LLAMA;
            case "COHERE_COMMAND" -> ModelFamilies.COHERE_COMMAND;
            case "COHERE_COMMAND_R" -> ModelFamilies.COHERE_COMMAND_R;
            case "COHERE_EMBED" -> ModelFamilies.COHERE_EMBED;
            case "MISTRAL_TEXT" -> ModelFamilies.MISTRAL_TEXT;
            case "MISTRAL_CHAT" -> ModelFamilies.MISTRAL_CHAT;
            case "JAMBA" -> ModelFamilies.JAMBA;
            case "DEEPSEEK" -> ModelFamilies.DEEPSEEK;
            case "OPENAI" -> ModelFamilies.OPENAI;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
