package dev.genaiotel.core;

import dev.genaiotel.core.internal.InferenceOperation;

/**
 * An inference in flight ({@code chat}, {@code text_completion}, {@code generate_content}): the inference span of
 * the GenAI conventions, the client operation metrics and the {@code gen_ai.client.inference.operation.details}
 * event.
 *
 * <p>Streaming: call {@link #onChunk()} (or {@link #onChunk(int, CharSequence)}) once per received chunk and feed
 * the chunk's deltas to the returned {@link StreamAccumulator}; this records {@code gen_ai.request.stream},
 * {@code gen_ai.response.time_to_first_chunk} and the chunk metrics, and builds the response from the deltas. A
 * successful stream whose response reports output tokens also records their rate from the first chunk to the end
 * ({@code gen_ai.response.output_tokens_per_second} and the {@code gen_ai.client.stream.output_tokens_per_second}
 * histogram, ours).
 * Then call {@link #end()} after the last chunk (or {@link #end(InferenceResponse)}, whose values take precedence
 * over the accumulated ones). Chunks must be delivered one after the other, as a stream does; with content capture
 * off a chunk allocates nothing.
 *
 * <p>A nested inference (started while an inference of the same call is current, as when a framework calls an
 * instrumented client) records no span or metrics of its own: at its end it fills in what the outer inference
 * lacks (response id, usage, ...).
 */
public final class Inference extends Invocation {

    static final Inference PASS_THROUGH = new Inference(null);

    private final InferenceOperation typed;

    Inference(InferenceOperation op) {
        super(op);
        this.typed = op;
    }

    /** Ends successfully with what the provider returned, merged with anything streamed. */
    public void end(InferenceResponse response) {
        if (typed != null) {
            typed.end(response);
        }
    }

    /** Ends successfully with what was streamed (or nothing, for a call with no known response). */
    public void end() {
        if (typed != null) {
            typed.end(null);
        }
    }

    /** Records the response for {@link #close()} to end with, without ending yet. */
    public void recordResponse(InferenceResponse response) {
        if (typed != null && response != null) {
            typed.record(response);
        }
    }

    /**
     * Records a lookup of a cache the application keeps in front of this inference (a semantic cache, an exact-match
     * cache), now, before or instead of calling the model: {@code gen_ai.cache.hit} and {@code gen_ai.cache.source} on
     * the span, and one add to the {@code gen_ai.client.cache.lookups} counter with the hit, the source,
     * {@code gen_ai.operation.name}, {@code gen_ai.provider.name} and {@code gen_ai.request.model}. These names are
     * ours; the conventions have none. Not the provider's prompt cache, which is reported as usage. Record each
     * lookup: the counter counts them all, the span keeps the last.
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

    /**
     * A chunk of a streamed response arrived: times it and returns the accumulator for its deltas.
     *
     * @return the stream accumulator of this inference; an inert one for a pass-through inference
     */
    public StreamAccumulator onChunk() {
        return typed == null ? StreamAccumulator.INERT : typed.chunk();
    }

    /**
     * The accumulator of this inference's stream, without timing a chunk: for streamed operations whose items are not
     * output chunks, such as a {@code fetch_response} replaying a stored response. What it accumulates ends the
     * operation as {@link #onChunk()}'s does: partial output on failure, {@code gen_ai.content.truncated}.
     *
     * @return the stream accumulator of this inference; an inert one for a pass-through inference
     */
    public StreamAccumulator accumulator() {
        return typed == null ? StreamAccumulator.INERT : typed.accumulator();
    }

    /** A chunk carrying text for one choice arrived: {@code onChunk().appendText(choiceIndex, textDelta)}. */
    public void onChunk(int choiceIndex, CharSequence textDelta) {
        if (typed != null) {
            typed.chunk().appendText(choiceIndex, textDelta);
        }
    }
}
