package dev.genaiotel.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.bedrock.internal.invoke.ModelFamily;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.StreamAccumulator;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * Reads InvokeModelWithResponseStream events: each {@code chunk} carries the JSON of one piece of the model's
 * native stream, which the model family applies to the accumulator. A chunk that is not JSON is timed and skipped.
 */
final class InvokeStreamTelemetry extends StreamTelemetry<ResponseStream> {

    private final ModelFamily family;

    InvokeStreamTelemetry(Inference inference, ModelFamily family) {
        super(inference, "invoke model stream");
        this.family = family;
    }

    @Override
    void read(ResponseStream event) {
        StreamAccumulator accumulator = inference.onChunk();
        if (event instanceof PayloadPart part && part.bytes() != null) {
            JsonNode chunk = InvokeModelCall.parse(part.bytes().asByteArrayUnsafe());
            if (chunk != null) {
                family.readStreamChunk(chunk, accumulator);
            }
        }
    }
}
