package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Feeds JSON bodies, as Bedrock sends and returns them, through a family. */
final class Bodies {

    static final String PROVIDER = "aws.bedrock";

    /** The 8-byte PNG signature, base64-encoded as an image block would carry it. */
    static final String PNG_BASE64 = "iVBORw0KGgo=";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pngBytes() {
        return Base64.getDecoder().decode(PNG_BASE64);
    }

    static InferenceRequest request(ModelFamily family, String body, boolean captureContent) {
        InferenceRequest.Builder builder = InferenceRequest.builder(family.operationName(), PROVIDER);
        family.readRequest(json(body), builder, captureContent);
        return builder.build();
    }

    static InferenceResponse response(ModelFamily family, String body, boolean captureContent) {
        return family.readResponse(json(body), captureContent);
    }

    static InferenceResponse stream(ModelFamily family, boolean captureContent, String... chunks) {
        StreamAccumulator accumulator = new StreamAccumulator(captureContent, 100_000);
        for (String chunk : chunks) {
            family.readStreamChunk(json(chunk), accumulator);
        }
        return accumulator.toResponse();
    }
}
