package dev.genaiotel.semconv;

import dev.genaiotel.semconv.internal.Checks;
import java.util.List;

/**
 * The definition of one metric: its name, instrument, unit, description and advised histogram bucket boundaries.
 *
 * @param name the metric name, e.g. {@code gen_ai.client.operation.duration}; not blank
 * @param instrument the kind of instrument that records it
 * @param unit the UCUM unit, e.g. {@code s} or {@code {token}}; not blank
 * @param description a one-sentence description; not blank
 * @param bucketBoundaries the advised explicit bucket boundaries, strictly increasing and finite; empty for counters
 */
public record MetricDefinition(
        String name, Instrument instrument, String unit, String description, List<Double> bucketBoundaries) {

    /** The kind of instrument a metric is recorded with. */
    public enum Instrument {
        /** A histogram of double values. */
        DOUBLE_HISTOGRAM,
        /** A histogram of long values. */
        LONG_HISTOGRAM,
        /** A monotonic counter of long values. */
        LONG_COUNTER,
        /** A monotonic counter of double values. */
        DOUBLE_COUNTER;

        /**
         * Whether this instrument is a histogram, the only kind that takes bucket boundaries.
         *
         * @return true for {@link #DOUBLE_HISTOGRAM} and {@link #LONG_HISTOGRAM}
         */
        public boolean isHistogram() {
            return this == DOUBLE_HISTOGRAM || this == LONG_HISTOGRAM;
        }
    }

    /**
     * Validates every component and copies the bucket boundaries into an unmodifiable list.
     *
     * @param name the metric name; not blank
     * @param instrument the kind of instrument
     * @param unit the UCUM unit; not blank
     * @param description a one-sentence description; not blank
     * @param bucketBoundaries the advised bucket boundaries; empty for counters
     * @throws NullPointerException if a component or a bucket boundary is null
     * @throws IllegalArgumentException if a text is blank, a counter has bucket boundaries, or the boundaries are
     *     not finite and strictly increasing
     */
    public MetricDefinition {
        Checks.requiredText(name, "MetricDefinition", "name");
        Checks.required(instrument, "MetricDefinition", "instrument");
        Checks.requiredText(unit, "MetricDefinition", "unit");
        Checks.requiredText(description, "MetricDefinition", "description");
        bucketBoundaries = Checks.copyOfElements(bucketBoundaries, "MetricDefinition", "bucketBoundaries");
        if (!instrument.isHistogram() && !bucketBoundaries.isEmpty()) {
            throw new IllegalArgumentException(
                    "MetricDefinition.bucketBoundaries must be empty for " + instrument + " " + name);
        }
        for (int i = 0; i < bucketBoundaries.size(); i++) {
            double boundary = bucketBoundaries.get(i);
            if (!Double.isFinite(boundary) || (i > 0 && boundary <= bucketBoundaries.get(i - 1))) {
                throw new IllegalArgumentException("MetricDefinition.bucketBoundaries of " + name
                        + " must be finite and strictly increasing: " + bucketBoundaries);
            }
        }
    }
}
