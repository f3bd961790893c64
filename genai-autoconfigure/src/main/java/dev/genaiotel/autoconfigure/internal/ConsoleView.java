package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Telemetry written for a person at a terminal: spans as a tree (parents before children, each with its kind,
 * duration, status and attributes), one line per metric point, and events with their attributes. Long values are
 * cut at {@value #MAX_VALUE_CHARS} characters. Used by the console exporters; stateless.
 */
public final class ConsoleView {

    /** The instrumentation scope of genai-otel's own signals; other scopes' metrics are summarised, not listed. */
    static final String SCOPE = "dev.genaiotel";

    private static final int MAX_VALUE_CHARS = 160;

    private ConsoleView() {}

    /** The spans as a tree under the heading {@code Spans (n)}; a span whose parent is not among them is a root. */
    public static void spans(Collection<SpanData> spans, PrintStream out) {
        StringBuilder text = new StringBuilder();
        text.append("Spans (").append(spans.size()).append(")\n");
        Set<String> ids = new HashSet<>();
        for (SpanData span : spans) {
            ids.add(span.getSpanId());
        }
        Map<String, List<SpanData>> children = new HashMap<>();
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
            span(root, children, "", text);
        }
        out.println(text);
        out.flush();
    }

    private static void span(SpanData span, Map<String, List<SpanData>> children, String indent, StringBuilder text) {
        double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
        text.append(String.format(Locale.ROOT, "%s%s  [%s, %.1f ms, status %s]%n", indent, span.getName(),
                span.getKind(), millis, span.getStatus().getStatusCode()));
        attributes(span.getAttributes(), indent + "    ", text);
        List<SpanData> kids = children.getOrDefault(span.getSpanId(), new ArrayList<>());
        kids.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        for (SpanData child : kids) {
            span(child, children, indent + "  ", text);
        }
    }

    /**
     * One line per point of genai-otel's metrics, under the heading {@code Metric points}: histograms as count and
     * sum, counters and gauges as their value, then the point's attributes. Metrics of other scopes (such as the
     * SDK's own exporter and processor metrics) are named on one line, without their points; with no GenAI point
     * nothing is printed.
     */
    public static void metrics(Collection<MetricData> metrics, PrintStream out) {
        List<MetricData> ours = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        for (MetricData metric : metrics) {
            if (metric.getInstrumentationScopeInfo().getName().startsWith(SCOPE)) {
                ours.add(metric);
            } else if (!metric.isEmpty()) {
                others.add(metric.getName());
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        ours.sort(Comparator.comparing(MetricData::getName));
        StringBuilder text = new StringBuilder("Metric points\n");
        for (MetricData metric : ours) {
            for (PointData point : metric.getData().getPoints()) {
                text.append(String.format(Locale.ROOT, "  %s (%s) %s %s%n", metric.getName(), metric.getUnit(),
                        value(point), inline(point.getAttributes())));
            }
        }
        if (!others.isEmpty()) {
            text.append("  (also recorded, not GenAI: ").append(String.join(", ", others)).append(")\n");
        }
        out.println(text);
        out.flush();
    }

    private static String value(PointData point) {
        if (point instanceof HistogramPointData histogram) {
            return String.format(Locale.ROOT, "count=%d sum=%.4g", histogram.getCount(), histogram.getSum());
        }
        if (point instanceof LongPointData number) {
            return "value=" + number.getValue();
        }
        if (point instanceof DoublePointData number) {
            return String.format(Locale.ROOT, "value=%.4g", number.getValue());
        }
        return point.getClass().getSimpleName();
    }

    /** Every event (a log record with an event name) with its attributes, under the heading {@code Events (n)}. */
    public static void events(Collection<LogRecordData> records, PrintStream out) {
        List<LogRecordData> events = new ArrayList<>();
        for (LogRecordData record : records) {
            if (record.getEventName() != null) {
                events.add(record);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("Events (").append(events.size()).append(")\n");
        for (LogRecordData event : events) {
            text.append("  ").append(event.getEventName()).append(" (span ")
                    .append(event.getSpanContext().getSpanId()).append(")\n");
            attributes(event.getAttributes(), "    ", text);
        }
        out.println(text);
        out.flush();
    }

    private static void attributes(Attributes attributes, String indent, StringBuilder text) {
        Map<String, Object> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> sorted.put(key.getKey(), value));
        sorted.forEach((key, value) -> text.append(indent).append(key).append(" = ")
                .append(shorten(value instanceof Value<?> structured ? structured.asString() : String.valueOf(value)))
                .append('\n'));
    }

    private static String inline(Attributes attributes) {
        Map<String, Object> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> sorted.put(key.getKey(), value));
        return sorted.toString();
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
