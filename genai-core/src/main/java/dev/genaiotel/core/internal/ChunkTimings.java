package dev.genaiotel.core.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.List;

/**
 * The times between the chunks of one stream ({@code gen_ai.client.operation.time_per_output_chunk}), kept in the
 * stream and recorded when it ends, so that a chunk costs a clock read and an array write instead of a call into the
 * metrics SDK.
 *
 * <p>The first {@link #EXACT_LIMIT} chunk times are kept exactly and recorded one by one, so the histogram point is
 * the same under any view, explicit or exponential. A longer stream's further chunk times are aggregated per advised
 * bucket to bound memory: each bucket's chunks are then recorded at its mean, with the stream's exact minimum and
 * maximum, which keeps count, sum, minimum, maximum and the advised buckets' counts exact (another view's bucket
 * counts become approximate for that tail only). Not thread-safe: a stream's chunks arrive one after the other.
 */
final class ChunkTimings {

    /** How many chunk times are kept exactly: 8 KiB of memory at most per stream. */
    static final int EXACT_LIMIT = 1024;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int INITIAL_CAPACITY = 32;

    private final long[] upperBoundsNanos;
    private long[] exact = new long[INITIAL_CAPACITY];
    private int exactCount;
    private long[] tailCounts;
    private long[] tailSums;
    private long tailMin = Long.MAX_VALUE;
    private long tailMax = Long.MIN_VALUE;

    ChunkTimings(long[] upperBoundsNanos) {
        this.upperBoundsNanos = upperBoundsNanos;
    }

    /** The advised boundaries in nanoseconds: a value belongs to the first bucket whose bound it does not exceed. */
    static long[] upperBoundsNanos(List<Double> boundariesSeconds) {
        long[] bounds = new long[boundariesSeconds.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = Math.round(boundariesSeconds.get(i) * NANOS_PER_SECOND);
        }
        return bounds;
    }

    void add(long nanos) {
        if (exactCount < EXACT_LIMIT) {
            if (exactCount == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(EXACT_LIMIT, exact.length * 2));
            }
            exact[exactCount++] = nanos;
            return;
        }
        if (tailCounts == null) {
            tailCounts = new long[upperBoundsNanos.length + 1];
            tailSums = new long[upperBoundsNanos.length + 1];
        }
        int bucket = bucket(nanos);
        tailCounts[bucket]++;
        tailSums[bucket] += nanos;
        tailMin = Math.min(tailMin, nanos);
        tailMax = Math.max(tailMax, nanos);
    }

    /** Records every chunk time; call once, when the stream ends. */
    void recordTo(DoubleHistogram histogram, Attributes attributes, Context context) {
        for (int i = 0; i < exactCount; i++) {
            histogram.record(exact[i] / NANOS_PER_SECOND, attributes, context);
        }
        if (tailCounts != null) {
            recordTail(histogram, attributes, context);
        }
    }

    private void recordTail(DoubleHistogram histogram, Attributes attributes, Context context) {
        int minBucket = bucket(tailMin);
        int maxBucket = bucket(tailMax);
        for (int i = 0; i < tailCounts.length; i++) {
            long count = tailCounts[i];
            long sum = tailSums[i];
            if (i == minBucket && count > 0) {
                histogram.record(tailMin / NANOS_PER_SECOND, attributes, context);
                count--;
                sum -= tailMin;
            }
            if (i == maxBucket && count > 0) {
                histogram.record(tailMax / NANOS_PER_SECOND, attributes, context);
                count--;
                sum -= tailMax;
            }
            if (count > 0) {
                double mean = (double) sum / count / NANOS_PER_SECOND;
                for (long k = 0; k < count; k++) {
                    histogram.record(mean, attributes, context);
                }
            }
        }
    }

    private int bucket(long nanos) {
        long[] bounds = upperBoundsNanos;
        int i = 0;
        while (i < bounds.length && nanos > bounds[i]) {
            i++;
        }
        return i;
    }
}
