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

    /**
     * The request as the core sees it: the parameters, and the content when {@code captureContent}. The content
     * methods are called directly, so that a mapping that throws fails the test instead of being logged.
     */
    static InferenceRequest request(ModelFamily family, String body, boolean captureContent) {
        JsonNode json = json(body);
        InferenceRequest.Builder builder = InferenceRequest.builder(family.operationName(), PROVIDER);
        family.readRequest(json, builder);
        if (captureContent) {
            builder.systemInstructions(family.systemInstructions(json))
                    .inputMessages(family.inputMessages(json))
                    .toolDefinitions(family.toolDefinitions(json));
        }
        return builder.build();
    }

    /** The response as the core sees it: the metadata, and the output when {@code captureContent}. */
    static InferenceResponse response(ModelFamily family, String body, boolean captureContent) {
        JsonNode json = json(body);
        InferenceResponse metadata = family.readResponse(json);
        if (!captureContent) {
            return metadata;
        }
        return InferenceResponse.builder().responseId(metadata.responseId()).responseModel(metadata.responseModel())
                .finishReasons(metadata.finishReasons()).usage(metadata.usage()).attributes(metadata.attributes())
                .outputMessages(family.outputMessages(json)).build();
    }

    static InferenceResponse stream(ModelFamily family, boolean captureContent, String... chunks) {
        StreamAccumulator accumulator = new StreamAccumulator(captureContent, 100_000);
        for (String chunk : chunks) {
            family.readStreamChunk(json(chunk), accumulator);
        }
        return accumulator.toResponse();
    }
}
