package dev.genaiotel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTimingsTest {

    private static final List<Double> BUCKETS =
            GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.bucketBoundaries();

    /** A stream longer than the exact limit, so that its tail is aggregated. */
    private static long[] longStream() {
        long[] pattern = {5_000_000L, 7_000_000L, 30_000_000L, 30_000_000L, 31_000_000L, 2_000_000_000L,
            10_000_000L, 100_000_000_000L, 12_000_000L};
        long[] nanos = new long[ChunkTimings.EXACT_LIMIT + 3 * pattern.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = pattern[i % pattern.length] + i;
        }
        return nanos;
    }

    @Test
    void chunkTimesGiveTheSameHistogramPointAsRecordingEachChunkEvenPastTheExactLimit() {
        long[] nanos = longStream();
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        Meter meter = SdkMeterProvider.builder().registerMetricReader(reader).build().get("test");
        DoubleHistogram direct = meter.histogramBuilder("direct").setExplicitBucketBoundariesAdvice(BUCKETS).build();
        DoubleHistogram aggregated =
                meter.histogramBuilder("aggregated").setExplicitBucketBoundariesAdvice(BUCKETS).build();
        ChunkTimings timings = new ChunkTimings(ChunkTimings.upperBoundsNanos(BUCKETS));
        for (long value : nanos) {
            direct.record(value / 1e9, Attributes.empty(), Context.root());
            timings.add(value);
        }
        timings.recordTo(aggregated, Attributes.empty(), Context.root());

        HistogramPointData expected = null;
        HistogramPointData actual = null;
        for (MetricData data : reader.collectAllMetrics()) {
            HistogramPointData point = data.getHistogramData().getPoints().iterator().next();
            if (data.getName().equals("direct")) {
                expected = point;
            } else {
                actual = point;
            }
        }
        assertThat(actual.getCount()).isEqualTo(expected.getCount()).isEqualTo(nanos.length);
        assertThat(actual.getSum()).isCloseTo(expected.getSum(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(actual.getMin()).isEqualTo(expected.getMin());
        assertThat(actual.getMax()).isEqualTo(expected.getMax());
        assertThat(actual.getCounts()).isEqualTo(expected.getCounts());
    }

    @Test
    void aStreamWithinTheExactLimitGivesTheSamePointUnderAnExponentialHistogramView() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        Meter meter = SdkMeterProvider.builder()
                .registerMetricReader(reader)
                .registerView(InstrumentSelector.builder().setName("*").build(),
                        View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
                .build()
                .get("test");
        DoubleHistogram direct = meter.histogramBuilder("direct").build();
        DoubleHistogram kept = meter.histogramBuilder("kept").build();
        ChunkTimings timings = new ChunkTimings(ChunkTimings.upperBoundsNanos(BUCKETS));
        for (int i = 0; i < ChunkTimings.EXACT_LIMIT; i++) {
            long value = 1_000_000L + 37_000L * i;
            direct.record(value / 1e9, Attributes.empty(), Context.root());
            timings.add(value);
        }
        timings.recordTo(kept, Attributes.empty(), Context.root());

        ExponentialHistogramPointData expected = null;
        ExponentialHistogramPointData actual = null;
        for (MetricData data : reader.collectAllMetrics()) {
            ExponentialHistogramPointData point = data.getExponentialHistogramData().getPoints().iterator().next();
            if (data.getName().equals("direct")) {
                expected = point;
            } else {
                actual = point;
            }
        }
        assertThat(actual.getCount()).isEqualTo(ChunkTimings.EXACT_LIMIT);
        assertThat(actual.getScale()).isEqualTo(expected.getScale());
        assertThat(actual.getPositiveBuckets().getBucketCounts())
                .isEqualTo(expected.getPositiveBuckets().getBucketCounts());
        assertThat(actual.getSum()).isEqualTo(expected.getSum());
    }

    @Test
    void nothingIsRecordedForAStreamOfOneChunk() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        Meter meter = SdkMeterProvider.builder().registerMetricReader(reader).build().get("test");
        new ChunkTimings(ChunkTimings.upperBoundsNanos(BUCKETS))
                .recordTo(meter.histogramBuilder("h").build(), Attributes.empty(), Context.root());

        assertThat(reader.collectAllMetrics()).isEmpty();
    }
}
