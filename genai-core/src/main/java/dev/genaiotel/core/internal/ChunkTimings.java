package dev.genaiotel.core.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.context.Context;
import java.util.List;

/**
 * The times between the chunks of one stream ({@code gen_ai.client.operation.time_per_output_chunk}), aggregated in
 * the stream itself and recorded when it ends, so that a chunk costs a clock read and a few array writes instead of
 * a call into the metrics SDK.
 *
 * <p>Nothing is lost for the advised buckets: at the end the exact minimum and maximum are recorded, and every
 * other chunk as the mean of its bucket, which keeps the bucket counts, the count, the sum, the minimum and the
 * maximum of the resulting histogram point exactly as if each chunk had been recorded on its own. (A user view with
 * other bucket boundaries still gets exact count, sum, minimum and maximum; its bucket counts are then
 * approximate.) Not thread-safe: a stream's chunks arrive one after the other.
 */
final class ChunkTimings {

    private static final double NANOS_PER_SECOND = 1e9;

    private final long[] upperBoundsNanos;
    private final long[] counts;
    private final long[] sums;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    ChunkTimings(long[] upperBoundsNanos) {
        this.upperBoundsNanos = upperBoundsNanos;
        this.counts = new long[upperBoundsNanos.length + 1];
        this.sums = new long[upperBoundsNanos.length + 1];
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
        int bucket = bucket(nanos);
        counts[bucket]++;
        sums[bucket] += nanos;
        if (nanos < min) {
            min = nanos;
        }
        if (nanos > max) {
            max = nanos;
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

    /** Records every aggregated chunk time; call once, when the stream ends. */
    void recordTo(DoubleHistogram histogram, Attributes attributes, Context context) {
        if (min > max) {
            return;
        }
        int minBucket = bucket(min);
        int maxBucket = bucket(max);
        for (int i = 0; i < counts.length; i++) {
            long count = counts[i];
            long sum = sums[i];
            if (i == minBucket && count > 0) {
                histogram.record(min / NANOS_PER_SECOND, attributes, context);
                count--;
                sum -= min;
            }
            if (i == maxBucket && count > 0) {
                histogram.record(max / NANOS_PER_SECOND, attributes, context);
                count--;
                sum -= max;
            }
            if (count > 0) {
                double mean = (double) sum / count / NANOS_PER_SECOND;
                for (long k = 0; k < count; k++) {
                    histogram.record(mean, attributes, context);
                }
            }
        }
    }
}
