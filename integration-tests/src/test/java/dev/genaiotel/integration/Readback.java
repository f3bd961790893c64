package dev.genaiotel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads telemetry back from the in-memory exporters, for calls whose spans end on another thread. */
final class Readback {

    private Readback() {}

    /**
     * Waits up to ten seconds for a span, then {@code settle} more for a second one that should not come, and returns
     * the only span.
     */
    static SpanData awaitOneSpan(InMemorySpanExporter spans, Duration settle, String expectation)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(settle.toMillis());
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).as(expectation).hasSize(1);
        return finished.get(0);
    }

    /** The points of a histogram metric; fails when it was not recorded. */
    static List<HistogramPointData> points(InMemoryMetricReader metrics, String name) {
        MetricData metric = metrics.collectAllMetrics().stream().filter(data -> data.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
        return new ArrayList<>(metric.getHistogramData().getPoints());
    }

    /** The one point of a histogram metric. */
    static HistogramPointData onlyPoint(InMemoryMetricReader metrics, String name) {
        List<HistogramPointData> points = points(metrics, name);
        assertThat(points).as(name).hasSize(1);
        return points.get(0);
    }
}
