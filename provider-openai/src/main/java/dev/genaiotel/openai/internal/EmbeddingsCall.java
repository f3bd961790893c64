package dev.genaiotel.openai.internal;

import dev.genaiotel.core.StreamWatch;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import dev.genaiotel.core.Embeddings;
import dev.genaiotel.core.EmbeddingsResponse;
import io.opentelemetry.context.Scope;

/** An embeddings call. */
final class EmbeddingsCall extends TracedCall<CreateEmbeddingResponse> {

    private final Embeddings embeddings;

    EmbeddingsCall(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    Scope makeCurrent() {
        return embeddings.makeCurrent();
    }

    @Override
    void succeeded(CreateEmbeddingResponse result) {
        if (embeddings.isEnded()) {
            return;
        }
        EmbeddingsResponse response;
        try {
            response = EmbeddingsMapping.response(result);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("embeddings response mapping", e);
            response = EmbeddingsResponse.of(null, null);
        }
        embeddings.end(response);
    }

    @Override
    void failed(Throwable error) {
        Throwable cause = Errors.unwrap(error);
        embeddings.fail(cause, Errors.type(cause));
    }

    @Override
    void endedWithoutResult() {
        embeddings.end(EmbeddingsResponse.of(null, null));
    }

    @Override
    StreamWatch watch(Object owner) {
        return embeddings.endWhenAbandoned(owner);
    }
}
