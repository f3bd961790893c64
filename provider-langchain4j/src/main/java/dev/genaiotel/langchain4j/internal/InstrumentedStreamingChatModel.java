package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InstrumentedView;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Set;

/**
 * A {@link StreamingChatModel} that records an inference per streamed call: the span is current while the wrapped
 * model starts the call, each partial response (text, thinking, tool-call fragment) is timed as a chunk
 * ({@code gen_ai.response.time_to_first_chunk} and the per-chunk metric), and the span ends when the stream
 * completes or fails. The application's handler receives exactly the callbacks the wrapped model makes.
 */
public final class InstrumentedStreamingChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final GenAiTelemetry telemetry;
    private final String otherProviderName;

    public InstrumentedStreamingChatModel(StreamingChatModel delegate, GenAiTelemetry telemetry,
            String otherProviderName) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.otherProviderName = otherProviderName;
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        Inference inference = start(request);
        if (inference == null) {
            delegate.chat(request, handler);
            return;
        }
        Scope scope = inference.makeCurrent();
        try {
            delegate.chat(request, observing(handler, inference));
        } catch (Throwable failure) {
            ChatCalls.fail(inference, failure);
            throw failure;
        } finally {
            scope.close();
        }
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        Inference inference = start(request);
        if (inference == null) {
            delegate.chat(request, options, handler);
            return;
        }
        Scope scope = inference.makeCurrent();
        try {
            delegate.chat(request, options, observing(handler, inference));
        } catch (Throwable failure) {
            ChatCalls.fail(inference, failure);
            throw failure;
        } finally {
            scope.close();
        }
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        delegate.doChat(request, handler);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private Inference start(ChatRequest request) {
        return ChatCalls.start(telemetry, delegate.provider(), delegate.defaultRequestParameters(), request,
                otherProviderName, true);
    }

    /** The caller's handler behind a {@link TelemetryStreamingHandler}, as a view that keeps up with LangChain4j. */
    private StreamingChatResponseHandler observing(StreamingChatResponseHandler handler, Inference inference) {
        TelemetryStreamingHandler observing = new TelemetryStreamingHandler(handler, inference, telemetry);
        return handler == null ? observing : InstrumentedView.of(StreamingChatResponseHandler.class, handler,
                observing);
    }
}
