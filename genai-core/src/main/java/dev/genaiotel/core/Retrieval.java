package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;
import dev.genaiotel.semconv.message.RetrievalDocument;
import java.util.List;

/** A retrieval in flight: the {@code retrieval} CLIENT span of SEMCONV.md section 2.3. */
public final class Retrieval extends Invocation {

    static final Retrieval PASS_THROUGH = new Retrieval(null);

    Retrieval(Operation op) {
        super(op);
    }

    /**
     * Ends successfully.
     *
     * @param documents {@code gen_ai.retrieval.documents} (opt-in content); empty or null when none
     */
    public void end(List<RetrievalDocument> documents) {
        endWith(documents == null ? List.of() : List.copyOf(documents));
    }

    /** Records the documents for {@link #close()} to end with. */
    public void recordDocuments(List<RetrievalDocument> documents) {
        record(documents == null ? List.of() : List.copyOf(documents));
    }
}
