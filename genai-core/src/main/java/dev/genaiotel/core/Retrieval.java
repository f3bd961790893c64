package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;
import dev.genaiotel.semconv.message.RetrievalDocument;
import java.util.List;

/** A retrieval in flight: the {@code retrieval} CLIENT span of the GenAI conventions. */
public final class Retrieval extends Invocation {

    static final Retrieval PASS_THROUGH = new Retrieval(null);

    private final Operation<RetrievalRequest, List<RetrievalDocument>> typed;

    Retrieval(Operation<RetrievalRequest, List<RetrievalDocument>> op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends successfully.
     *
     * @param documents {@code gen_ai.retrieval.documents} (opt-in content); empty or null when none
     */
    public void end(List<RetrievalDocument> documents) {
        if (typed != null) {
            typed.end(documents == null ? List.of() : List.copyOf(documents));
        }
    }

    /** Records the documents for {@link #close()} to end with. */
    public void recordDocuments(List<RetrievalDocument> documents) {
        if (typed != null) {
            typed.record(documents == null ? List.of() : List.copyOf(documents));
        }
    }
}
