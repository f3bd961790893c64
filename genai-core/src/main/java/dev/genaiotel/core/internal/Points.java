package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_MODALITY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;

import dev.genaiotel.semconv.TokenModality;
import dev.genaiotel.semconv.TokenType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * The attributes of the metric points of operations with the same {@link Dimensions}, built once and shared: the
 * duration (and chunk) points, the 1.41.0 token points by {@code gen_ai.token.type}, the v0.1.0 usage points by
 * {@code gen_ai.token.modality}. Each set is built on first use; a race builds an equal set twice, harmlessly.
 */
final class Points {

    private final Attributes duration;
    private Attributes inputTokenType;
    private Attributes outputTokenType;
    private Attributes unknownModality;
    private Attributes textModality;
    private Attributes imageModality;
    private Attributes audioModality;

    Points(Dimensions dimensions) {
        AttributesBuilder builder = Attributes.builder();
        builder.put(GEN_AI_OPERATION_NAME, dimensions.operation());
        MetricsRecorder.put(builder, GEN_AI_PROVIDER_NAME, dimensions.provider());
        MetricsRecorder.put(builder, GEN_AI_REQUEST_MODEL, dimensions.model());
        MetricsRecorder.put(builder, SERVER_ADDRESS, dimensions.serverAddress());
        if (dimensions.serverPort() != null) {
            builder.put(SERVER_PORT, dimensions.serverPort());
        }
        MetricsRecorder.put(builder, GEN_AI_RESPONSE_MODEL, dimensions.responseModel());
        MetricsRecorder.put(builder, ERROR_TYPE, dimensions.errorType());
        duration = builder.build();
    }

    /** The duration and chunk points; also the v0.1.0 token histograms' points of a successful operation. */
    Attributes duration() {
        return duration;
    }

    /** {@code gen_ai.client.token.usage} with {@code gen_ai.token.type=input} (1.41.0). */
    Attributes inputTokenType() {
        Attributes known = inputTokenType;
        if (known == null) {
            known = duration.toBuilder().put(GEN_AI_TOKEN_TYPE, TokenType.INPUT).build();
            inputTokenType = known;
        }
        return known;
    }

    /** {@code gen_ai.client.token.usage} with {@code gen_ai.token.type=output} (1.41.0). */
    Attributes outputTokenType() {
        Attributes known = outputTokenType;
        if (known == null) {
            known = duration.toBuilder().put(GEN_AI_TOKEN_TYPE, TokenType.OUTPUT).build();
            outputTokenType = known;
        }
        return known;
    }

    /** A v0.1.0 usage counter's point for {@code modality}. */
    Attributes modality(String modality) {
        switch (modality) {
            case TokenModality.UNKNOWN:
                if (unknownModality == null) {
                    unknownModality = withModality(modality);
                }
                return unknownModality;
            case TokenModality.TEXT:
                if (textModality == null) {
                    textModality = withModality(modality);
                }
                return textModality;
            case TokenModality.IMAGE:
                if (imageModality == null) {
                    imageModality = withModality(modality);
                }
                return imageModality;
            case TokenModality.AUDIO:
                if (audioModality == null) {
                    audioModality = withModality(modality);
                }
                return audioModality;
            default:
                return withModality(modality);
        }
    }

    private Attributes withModality(String modality) {
        return duration.toBuilder().put(GEN_AI_TOKEN_MODALITY, modality).build();
    }
}
