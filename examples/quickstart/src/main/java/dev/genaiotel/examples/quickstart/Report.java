package dev.genaiotel.examples.quickstart;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Prints recorded telemetry for a person to read: a span tree, metric points and events. */
final class Report {

    private static final int MAX_VALUE_CHARS = 160;

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** The spans as a tree, parents before children, each with its duration and attributes. */
    void spans(List<SpanData> spans) {
        out.println("Spans (" + spans.size() + ")");
        Map<String, List<SpanData>> children = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (SpanData span : spans) {
            ids.add(span.getSpanId());
        }
        List<SpanData> roots = new ArrayList<>();
        for (SpanData span : spans) {
            if (ids.contains(span.getParentSpanId())) {
                children.computeIfAbsent(span.getParentSpanId(), id -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        roots.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        for (SpanData root : roots) {
            span(root, children, "");
        }
        out.println();
    }

    private void span(SpanData span, Map<String, List<SpanData>> children, String indent) {
        double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
        out.printf("%s%s  [%s, %.1f ms, status %s]%n", indent, span.getName(), span.getKind(), millis,
                span.getStatus().getStatusCode());
        attributes(span.getAttributes(), indent + "    ");
        List<SpanData> kids = children.getOrDefault(span.getSpanId(), new ArrayList<>());
        kids.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        for (SpanData child : kids) {
            span(child, children, indent + "  ");
        }
    }

    /** Every metric point with its attributes; histograms as count and sum. */
    void metrics(Iterable<MetricData> metrics) {
        out.println("Metric points");
        List<MetricData> sorted = new ArrayList<>();
        metrics.forEach(sorted::add);
        sorted.sort(Comparator.comparing(MetricData::getName));
        for (MetricData metric : sorted) {
            for (PointData point : metric.getData().getPoints()) {
                String value = metric.getType() == MetricDataType.HISTOGRAM
                        ? String.format("count=%d sum=%.4g", ((HistogramPointData) point).getCount(),
                                ((HistogramPointData) point).getSum())
                        : point.toString();
                out.printf("  %s (%s) %s %s%n", metric.getName(), metric.getUnit(), value,
                        inline(point.getAttributes()));
            }
        }
        out.println();
    }

    /** Every event (log record with an event name), with its attributes. */
    void events(List<LogRecordData> events) {
        out.println("Events (" + events.size() + ")");
        for (LogRecordData event : events) {
            out.printf("  %s (span %s)%n", event.getEventName(), event.getSpanContext().getSpanId());
            attributes(event.getAttributes(), "    ");
        }
    }

    private void attributes(Attributes attributes, String indent) {
        Map<String, Object> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> sorted.put(key.getKey(), value));
        sorted.forEach((key, value) -> out.println(indent + key + " = " + shorten(String.valueOf(value))));
    }

    private static String inline(Attributes attributes) {
        Map<String, Object> sorted = new TreeMap<>();
        attributes.forEach((AttributeKey<?> key, Object value) -> sorted.put(key.getKey(), value));
        return sorted.toString();
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
