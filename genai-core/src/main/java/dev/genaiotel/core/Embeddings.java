package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;

/** An embeddings call in flight: the {@code embeddings} span of the GenAI conventions and the client metrics. */
public final class Embeddings extends Invocation {

    static final Embeddings PASS_THROUGH = new Embeddings(null);

    private final Operation<EmbeddingsRequest, EmbeddingsResponse> typed;

    Embeddings(Operation<EmbeddingsRequest, EmbeddingsResponse> op) {
        super(op);
        this.typed = op;
    }

    /** Ends successfully. */
    public void end(EmbeddingsResponse response) {
        if (typed != null) {
            typed.end(response == null ? EmbeddingsResponse.of(null, null) : response);
        }
    }

    /** Records the response for {@link #close()} to end with. */
    public void recordResponse(EmbeddingsResponse response) {
        if (typed != null && response != null) {
            typed.record(response);
        }
    }
}
