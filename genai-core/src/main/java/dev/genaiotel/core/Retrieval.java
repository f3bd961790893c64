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

    /**
     * Records a lookup of a cache the application keeps in front of this retrieval (a semantic cache, an exact-match
     * cache), now, before or instead of calling the data source: {@code gen_ai.cache.hit} and
     * {@code gen_ai.cache.source} on the span, and one add to the {@code gen_ai.client.cache.lookups} counter with the
     * hit, the source, {@code gen_ai.operation.name}, {@code gen_ai.provider.name} and {@code gen_ai.request.model}.
     * These names are ours; the conventions have none. Not the provider's prompt cache, which is reported as usage.
     * Record each lookup: the counter counts them all, the span keeps the last.
     *
     * @param hit whether the cache answered
     * @param source which cache, a low-cardinality name such as {@code semantic_cache} (it is a metric attribute);
     *     or null
     */
    public void recordCacheLookup(boolean hit, String source) {
        if (typed != null) {
            typed.recordCacheLookup(hit, source);
        }
    }

    /** Records the documents for {@link #close()} to end with. */
    public void recordDocuments(List<RetrievalDocument> documents) {
        if (typed != null) {
            typed.record(documents == null ? List.of() : List.copyOf(documents));
        }
    }
}
