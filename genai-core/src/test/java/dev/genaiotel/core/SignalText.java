package dev.genaiotel.core;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/** Every exported attribute value of a fixture, each as a string, to search for content that must not be there. */
final class SignalText {

    private SignalText() {}

    static List<String> everyValue(TelemetryFixture fixture) {
        List<String> values = new ArrayList<>();
        for (SpanData span : fixture.spans.getFinishedSpanItems()) {
            values.add(span.getName());
            add(span.getAttributes(), values);
            for (EventData event : span.getEvents()) {
                add(event.getAttributes(), values);
            }
        }
        for (LogRecordData record : fixture.events()) {
            add(record.getAttributes(), values);
            if (record.getBodyValue() != null) {
                values.add(record.getBodyValue().asString());
            }
        }
        for (MetricData metric : fixture.allMetrics()) {
            for (PointData point : metric.getData().getPoints()) {
                add(point.getAttributes(), values);
            }
        }
        return values;
    }

    private static void add(Attributes attributes, List<String> values) {
        attributes.forEach((key, value) -> values.add(value instanceof Value<?> structured
                ? structured.asString() : String.valueOf(value)));
    }
}
