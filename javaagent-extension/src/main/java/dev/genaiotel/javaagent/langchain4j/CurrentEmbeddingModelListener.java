package dev.genaiotel.javaagent.langchain4j;

import dev.genaiotel.core.InstrumentationFailures;
import dev.genaiotel.langchain4j.internal.TelemetryEmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import java.util.logging.Logger;

/**
 * provider-langchain4j's embedding-model listener, whose {@code embeddings} span is also made current while the model
 * sends its request (see {@link ModelCalls}), so that the HTTP client span nests under it.
 */
final class CurrentEmbeddingModelListener implements EmbeddingModelListener {

    private static final Logger LOGGER = Logger.getLogger(CurrentEmbeddingModelListener.class.getName());

    private final EmbeddingModelListener listener;

    CurrentEmbeddingModelListener(EmbeddingModelListener listener) {
        this.listener = listener;
    }

    @Override
    public void onRequest(EmbeddingModelRequestContext context) {
        listener.onRequest(context);
        try {
            ModelCalls.makeCurrent(TelemetryEmbeddingModelListener.inFlight(context.attributes()));
        } catch (RuntimeException | LinkageError e) {
            InstrumentationFailures.logOnce(LOGGER, "making the LangChain4j embeddings span current", e);
        }
    }

    @Override
    public void onResponse(EmbeddingModelResponseContext context) {
        listener.onResponse(context);
    }

    @Override
    public void onError(EmbeddingModelErrorContext context) {
        listener.onError(context);
    }
}
