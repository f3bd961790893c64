package dev.genaiotel.javaagent.langchain4j;

import dev.genaiotel.core.InstrumentationFailures;
import dev.genaiotel.langchain4j.internal.TelemetryChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import java.util.logging.Logger;

/**
 * provider-langchain4j's chat-model listener, whose inference is also made current while the model sends its
 * request (see {@link ModelCalls}), so that the HTTP client span nests under it and a second GenAI layer underneath
 * (an instrumented openai-java or Ollama client) enriches it instead of starting another span.
 */
final class CurrentChatModelListener implements ChatModelListener {

    private static final Logger LOGGER = Logger.getLogger(CurrentChatModelListener.class.getName());

    private final ChatModelListener listener;

    CurrentChatModelListener(ChatModelListener listener) {
        this.listener = listener;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        listener.onRequest(context);
        try {
            ModelCalls.makeCurrent(TelemetryChatModelListener.inFlight(context.attributes()));
        } catch (RuntimeException | LinkageError e) {
            InstrumentationFailures.logOnce(LOGGER, "making the LangChain4j chat span current", e);
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        listener.onResponse(context);
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        listener.onError(context);
    }
}
