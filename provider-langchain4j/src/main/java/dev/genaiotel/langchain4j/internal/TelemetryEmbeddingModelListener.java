package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.Embeddings;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.GenAiTelemetry;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Map;

/**
 * An {@link EmbeddingModelListener} that records one {@code embeddings} operation per call, carried from
 * {@code onRequest} to {@code onResponse}/{@code onError} in the call's listener attributes.
 */
public final class TelemetryEmbeddingModelListener implements EmbeddingModelListener {

    private static final Object EMBEDDINGS = new Object() {
        @Override
        public String toString() {
            return "dev.genaiotel.langchain4j.embeddings";
        }
    };

    /** What {@link EmbeddingModel#modelName()} answers when a model does not know its name. */
    private static final String UNKNOWN_MODEL = "unknown";

    private final GenAiTelemetry telemetry;
    private final String otherProviderName;

    public TelemetryEmbeddingModelListener(GenAiTelemetry telemetry, String otherProviderName) {
        this.telemetry = telemetry;
        this.otherProviderName = otherProviderName;
    }

    @Override
    public void onRequest(EmbeddingModelRequestContext context) {
        try {
            if (!telemetry.isRecording() || context.attributes() == null) {
                return;
            }
            // LangChain4j 1.16 has neither the embedding request nor the provider here (1.19 has both): there
            // each read costs its own attribute only.
            String model = FailSoft.get("embedding request model", () -> requestModel(context));
            if (model == null && context.embeddingModel() != null) {
                model = context.embeddingModel().modelName();
            }
            if (UNKNOWN_MODEL.equals(model)) {
                model = null;
            }
            Integer dimensions = FailSoft.get("embedding request dimensions", () -> requestDimensions(context));
            ModelProvider provider = FailSoft.get("embedding model provider", () -> context.modelProvider());
            Embeddings embeddings = telemetry.startEmbeddings(new EmbeddingsRequest(
                    ProviderNames.of(provider, otherProviderName), model,
                    dimensions == null ? null : dimensions.longValue(), null, null, null, null));
            context.attributes().put(EMBEDDINGS, embeddings);
        } catch (Throwable failure) {
            FailSoft.log("EmbeddingModelListener.onRequest", failure);
        }
    }

    @Override
    public void onResponse(EmbeddingModelResponseContext context) {
        try {
            Embeddings embeddings = take(context.attributes());
            if (embeddings == null) {
                return;
            }
            embeddings.end(FailSoft.get("embedding response", () -> response(context)));
        } catch (Throwable failure) {
            FailSoft.log("EmbeddingModelListener.onResponse", failure);
        }
    }

    @Override
    public void onError(EmbeddingModelErrorContext context) {
        try {
            Embeddings embeddings = take(context.attributes());
            if (embeddings != null) {
                embeddings.fail(context.error(), ErrorTypes.of(context.error()));
            }
        } catch (Throwable failure) {
            FailSoft.log("EmbeddingModelListener.onError", failure);
        }
    }

    private static String requestModel(EmbeddingModelRequestContext context) {
        EmbeddingRequest request = context.embeddingRequest();
        return request == null ? null : request.modelName();
    }

    private static Integer requestDimensions(EmbeddingModelRequestContext context) {
        EmbeddingRequest request = context.embeddingRequest();
        return request == null ? null : request.dimensions();
    }

    private static EmbeddingsResponse response(EmbeddingModelResponseContext context) {
        EmbeddingResponse response = context.embeddingResponse();
        if (response == null) {
            return null;
        }
        TokenUsage usage = response.tokenUsage();
        Integer input = usage == null ? null : usage.inputTokenCount();
        return EmbeddingsResponse.of(response.modelName(), input == null ? null : input.longValue());
    }

    /**
     * The embeddings operation this listener started for a call and has not ended yet, found in the call's listener
     * attributes; null when there is none. For the Java agent extension, which makes it current while the model
     * makes its call.
     */
    public static Embeddings inFlight(Map<Object, Object> attributes) {
        return attributes != null && attributes.get(EMBEDDINGS) instanceof Embeddings embeddings ? embeddings : null;
    }

    private static Embeddings take(Map<Object, Object> attributes) {
        return attributes != null && attributes.remove(EMBEDDINGS) instanceof Embeddings embeddings ? embeddings : null;
    }
}
