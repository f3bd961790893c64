package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * Stands between a streaming model and the application's handler: notes each partial response as a chunk of the
 * inference, ends it on completion or error, and passes every callback on unchanged, each overload to the same
 * overload of the application's handler. The telemetry step comes first and never throws; the application's
 * handler then runs exactly as it would without instrumentation.
 */
final class TelemetryStreamingHandler implements StreamingChatResponseHandler {

    private final StreamingChatResponseHandler delegate;
    private final Inference inference;
    private final GenAiTelemetry telemetry;

    TelemetryStreamingHandler(StreamingChatResponseHandler delegate, Inference inference, GenAiTelemetry telemetry) {
        this.delegate = delegate;
        this.inference = inference;
        this.telemetry = telemetry;
    }

    @Override
    public void onPartialResponse(String partialResponse) {
        text(partialResponse);
        delegate.onPartialResponse(partialResponse);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        text(partialResponse == null ? null : partialResponse.text());
        delegate.onPartialResponse(partialResponse, context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
        thinking(partialThinking);
        delegate.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        thinking(partialThinking);
        delegate.onPartialThinking(partialThinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        toolCall(partialToolCall);
        delegate.onPartialToolCall(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
        toolCall(partialToolCall);
        delegate.onPartialToolCall(partialToolCall, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        delegate.onCompleteToolCall(completeToolCall);
    }

    @Override
    public void onUnmappedRawEvent(Object rawEvent) {
        delegate.onUnmappedRawEvent(rawEvent);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        ChatCalls.end(telemetry, inference, completeResponse);
        delegate.onCompleteResponse(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        ChatCalls.fail(inference, error);
        delegate.onError(error);
    }

    private void text(String delta) {
        try {
            inference.onChunk(0, delta);
        } catch (Throwable failure) {
            FailSoft.log("streaming chunk", failure);
        }
    }

    private void thinking(PartialThinking partial) {
        try {
            inference.onChunk().appendReasoning(0, partial == null ? null : partial.text());
        } catch (Throwable failure) {
            FailSoft.log("streaming chunk", failure);
        }
    }

    private void toolCall(PartialToolCall partial) {
        try {
            if (partial == null) {
                inference.onChunk();
            } else {
                inference.onChunk().appendToolCall(0, partial.index(), partial.id(), partial.name(),
                        partial.partialArguments());
            }
        } catch (Throwable failure) {
            FailSoft.log("streaming chunk", failure);
        }
    }
}
