package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import dev.genaiotel.core.StreamAccumulator;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

/**
 * Reads ConverseStream events: text, reasoning and tool-use deltas into the accumulator (one choice; the tool call's
 * index is its content block index) when it keeps content, the stop reason of {@code messageStop} and the usage of
 * {@code metadata}. Events may come in any order, be missing or repeat: each is read on its own, and the accumulator
 * bounds what is kept.
 */
final class ConverseStreamTelemetry extends StreamTelemetry<ConverseStreamOutput> {

    ConverseStreamTelemetry(Inference inference) {
        super(inference, "converse stream");
    }

    @Override
    void read(ConverseStreamOutput event) {
        StreamAccumulator accumulator = inference.onChunk();
        if (event instanceof ContentBlockDeltaEvent deltaEvent) {
            ContentBlockDelta delta = deltaEvent.delta();
            if (delta == null) {
                return;
            }
            if (!accumulator.capturesContent()) {
                // The accumulator keeps only that the choice started: the delta's content is not read.
                accumulator.appendText(0, null);
            } else if (delta.text() != null) {
                accumulator.appendText(0, delta.text());
            } else if (delta.toolUse() != null) {
                accumulator.appendToolCall(0, index(deltaEvent.contentBlockIndex()), null, null,
                        delta.toolUse().input());
            } else if (delta.reasoningContent() != null) {
                accumulator.appendReasoning(0, delta.reasoningContent().text());
            } else {
                accumulator.appendText(0, null);
            }
        } else if (event instanceof ContentBlockStartEvent startEvent) {
            ToolUseBlockStart toolUse = startEvent.start() == null ? null : startEvent.start().toolUse();
            if (toolUse != null) {
                accumulator.appendToolCall(0, index(startEvent.contentBlockIndex()), toolUse.toolUseId(),
                        toolUse.name(), null);
            }
        } else if (event instanceof MessageStopEvent stop) {
            accumulator.finishReason(0, stop.stopReasonAsString());
        } else if (event instanceof ConverseStreamMetadataEvent metadata) {
            accumulator.usage(ConverseMapping.usage(metadata.usage()));
        }
    }

    private static int index(Integer contentBlockIndex) {
        return contentBlockIndex == null ? 0 : contentBlockIndex;
    }
}
