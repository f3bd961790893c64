package dev.genaiotel.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A typed place on an {@link Operation} for the state of one recorder (its chunk timings, the attributes it adds to
 * an event), so that the state belongs to the recorder that writes it and the operation only holds it.
 *
 * @param <T> the state's type
 */
final class Slot<T> {

    private static final AtomicInteger COUNT = new AtomicInteger();

    /** Chunk timing state of the metrics recorder. */
    static final Slot<MetricsRecorder.ChunkMetrics> CHUNK_METRICS = new Slot<>();

    /** Attributes the completion hooks add to the details event. */
    static final Slot<io.opentelemetry.api.common.AttributesBuilder> COMPLETION_EVENT_ATTRIBUTES = new Slot<>();

    final int index = COUNT.getAndIncrement();

    private Slot() {}

    /** How many slots exist. */
    static int count() {
        return COUNT.get();
    }

    T get(Operation<?, ?> op) {
        return op.slot(this);
    }

    void set(Operation<?, ?> op, T value) {
        op.setSlot(this, value);
    }
}
