package dev.genaiotel.anthropic.internal;

import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockDeltaEvent;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.ObservedStream;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.StreamWatch;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * The telemetry of one streamed {@code messages().createStreaming}. The stream wrappers feed it every event and tell
 * it how the stream ended; every method is fail-soft and the span ends at most once, through the core's stream
 * lifecycle (drain, close, failure, abandonment).
 *
 * <p>{@code content_block_start} and {@code content_block_delta} are the output chunks (time to first chunk, time
 * per chunk); {@code message_start} and {@code message_delta} bring the id, model, usage and stop reason, which go to
 * the core's accumulator as they arrive, so that a stream that fails or is dropped keeps them. {@code ping} events
 * never reach here (anthropic-java drops them) and an {@code error} event arrives as the stream's failure.
 *
 * <p>With content recorded, text, thinking and tool-call input go to the accumulator too (the partial output of a
 * failed stream), and every block is also kept in order ({@link StreamedContent}), so that a finished stream's
 * output has the same parts as a non-streamed answer: server tool calls and results, citations, redacted thinking.
 */
final class MessageStream implements ObservedStream.Observer<RawMessageStreamEvent> {

    private final Inference inference;
    /** Set once an async handler is subscribed: the delegate then keeps the stream alive, not the caller. */
    volatile boolean subscribed;
    private StreamedContent content;
    private boolean contentKnown;
    private String stopReason;
    private Long inputTokens;
    private Long outputTokens;
    private Long cacheReadTokens;
    private Long cacheWriteTokens;
    private Long reasoningTokens;

    MessageStream(Inference inference) {
        this.inference = inference;
    }

    /** Makes the call's span current while the client sends the request. */
    Scope makeCurrent() {
        return inference.makeCurrent();
    }

    /** An event arrived from a stream the caller reads; the caller sees every event. */
    @Override
    public boolean onItem(RawMessageStreamEvent event) {
        onEvent(event);
        return true;
    }

    /** An event arrived; the caller sees every event. */
    void onEvent(RawMessageStreamEvent event) {
        if (inference.isEnded()) {
            return;
        }
        try {
            if (event.isContentBlockDelta()) {
                delta(inference.onChunk(), event.asContentBlockDelta());
            } else if (event.isContentBlockStart()) {
                start(inference.onChunk(), event.asContentBlockStart());
            } else if (event.isMessageStart()) {
                StreamAccumulator accumulator = inference.accumulator();
                var message = event.asMessageStart().message();
                accumulator.responseId(message.id()).responseModel(message.model().asString());
                accumulator.appendText(0, null);
                usage(accumulator, message.usage());
            } else if (event.isMessageDelta()) {
                StreamAccumulator accumulator = inference.accumulator();
                var delta = event.asMessageDelta();
                var reason = delta.delta().stopReason();
                if (reason.isPresent()) {
                    stopReason = reason.get().asString();
                    accumulator.finishReason(0, stopReason);
                }
                usage(accumulator, delta.usage());
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message stream event", e);
        }
    }

    private StreamedContent content(StreamAccumulator accumulator) {
        if (!contentKnown) {
            content = accumulator.capturesContent() ? new StreamedContent() : null;
            contentKnown = true;
        }
        return content;
    }

    private void start(StreamAccumulator accumulator, RawContentBlockStartEvent start) {
        StreamedContent blocks = content(accumulator);
        if (blocks == null) {
            accumulator.appendText(0, null);
            return;
        }
        int index = (int) start.index();
        var block = start.contentBlock();
        blocks.start(index, Trees.map(Trees.of(block)));
        if (block.isText()) {
            accumulator.appendText(0, block.asText().text());
        } else if (block.isThinking()) {
            accumulator.appendReasoning(0, block.asThinking().thinking());
        } else if (block.isToolUse()) {
            var tool = block.asToolUse();
            accumulator.appendToolCall(0, index, tool.id(), tool.name(), null);
        } else {
            accumulator.appendText(0, null);
        }
    }

    private void delta(StreamAccumulator accumulator, RawContentBlockDeltaEvent event) {
        StreamedContent blocks = content(accumulator);
        if (blocks == null) {
            accumulator.appendText(0, null);
            return;
        }
        int index = (int) event.index();
        RawContentBlockDelta delta = event.delta();
        boolean room = !accumulator.truncated();
        if (delta.isText()) {
            String text = delta.asText().text();
            accumulator.appendText(0, text);
            if (room) {
                blocks.text(index, text);
            }
        } else if (delta.isThinking()) {
            String thinking = delta.asThinking().thinking();
            accumulator.appendReasoning(0, thinking);
            if (room) {
                blocks.thinking(index, thinking);
            }
        } else if (delta.isInputJson()) {
            String json = delta.asInputJson().partialJson();
            if (blocks.isToolUse(index)) {
                accumulator.appendToolCall(0, index, null, null, json);
            } else {
                accumulator.appendText(0, null);
            }
            if (room) {
                blocks.json(index, json);
            }
        } else if (delta.isCitations()) {
            accumulator.appendText(0, null);
            if (room) {
                blocks.citation(index, Trees.map(Trees.of(delta.asCitations())).get("citation"));
            }
        } else {
            accumulator.appendText(0, null);
        }
    }

    private void usage(StreamAccumulator accumulator, Usage usage) {
        inputTokens = usage._inputTokens().asKnown().orElse(inputTokens);
        outputTokens = usage._outputTokens().asKnown().orElse(outputTokens);
        cacheReadTokens = usage._cacheReadInputTokens().asKnown().orElse(cacheReadTokens);
        cacheWriteTokens = usage._cacheCreationInputTokens().asKnown().orElse(cacheWriteTokens);
        reasoningTokens = usage._outputTokensDetails().asKnown()
                .flatMap(details -> details._thinkingTokens().asKnown()).orElse(reasoningTokens);
        accumulator.usage(UsageMapping.of(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens,
                reasoningTokens));
    }

    /** The cumulative counts of a {@code message_delta}; what it leaves out keeps the {@code message_start} count. */
    private void usage(StreamAccumulator accumulator, MessageDeltaUsage usage) {
        inputTokens = usage._inputTokens().asKnown().orElse(inputTokens);
        outputTokens = usage._outputTokens().asKnown().orElse(outputTokens);
        cacheReadTokens = usage._cacheReadInputTokens().asKnown().orElse(cacheReadTokens);
        cacheWriteTokens = usage._cacheCreationInputTokens().asKnown().orElse(cacheWriteTokens);
        reasoningTokens = usage._outputTokensDetails().asKnown()
                .flatMap(details -> details._thinkingTokens().asKnown()).orElse(reasoningTokens);
        accumulator.usage(UsageMapping.of(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens,
                reasoningTokens));
    }

    /** The stream was drained to its end. */
    @Override
    public void completed() {
        endWithFinal();
    }

    /** The caller closed the stream, possibly before its end. */
    void closed() {
        endWithFinal();
    }

    /** The stream or the request failed with {@code error}: what arrived is kept as the partial response. */
    @Override
    public void failed(Throwable error) {
        Throwable cause = Errors.unwrap(error);
        inference.fail(cause, Errors.type(cause));
    }

    /** Ends the call as abandoned if {@code owner}, the object the caller holds, is dropped before the end. */
    StreamWatch watch(Object owner) {
        return inference.endWhenAbandoned(owner);
    }

    private void endWithFinal() {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response = null;
        StreamedContent blocks = content;
        if (blocks != null) {
            try {
                List<MessagePart> parts = blocks.parts();
                String finish = stopReason == null ? FinishReason.ERROR : FinishReason.normalize(stopReason);
                response = InferenceResponse.builder()
                        .outputMessages(List.of(new OutputMessage(Role.ASSISTANT, parts, finish)))
                        .build();
            } catch (RuntimeException | LinkageError e) {
                FailSoft.log("message stream output", e);
            }
        }
        inference.end(response);
    }
}
