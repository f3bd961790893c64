package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link ChatModel} that records an inference around each call of the model it wraps, with the inference span
 * current while the model runs (so that its HTTP client's spans, and an instrumented client underneath, nest in it).
 * Every method delegates; results and exceptions are the wrapped model's own.
 */
public final class InstrumentedChatModel implements ChatModel {

    private final ChatModel delegate;
    private final GenAiTelemetry telemetry;
    private final String otherProviderName;

    public InstrumentedChatModel(ChatModel delegate, GenAiTelemetry telemetry, String otherProviderName) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.otherProviderName = otherProviderName;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return record(request, () -> delegate.chat(request));
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return record(request, () -> delegate.chat(request, options));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return delegate.doChat(request);
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

    private ChatResponse record(ChatRequest request, Supplier<ChatResponse> call) {
        Inference inference = ChatCalls.start(telemetry, delegate.provider(), delegate.defaultRequestParameters(),
                request, otherProviderName, false);
        if (inference == null) {
            return call.get();
        }
        ChatResponse response;
        Scope scope = inference.makeCurrent();
        try {
            response = call.get();
        } catch (Throwable failure) {
            ChatCalls.fail(inference, failure);
            throw failure;
        } finally {
            scope.close();
        }
        ChatCalls.end(telemetry, inference, response);
        return response;
    }
}
