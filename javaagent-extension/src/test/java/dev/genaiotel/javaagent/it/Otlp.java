package dev.genaiotel.javaagent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child JVM exported through the agent's {@code logging-otlp} exporters: OTLP JSON, one batch per log line,
 * read back into plain records.
 */
final class Otlp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One exported span. */
    record Span(String scope, String name, int kind, String traceId, String spanId, String parentSpanId,
            Map<String, Object> attributes, int statusCode) {

        Object attribute(String key) {
            return attributes.get(key);
        }

        boolean isGenAi() {
            return attributes.containsKey("gen_ai.operation.name");
        }
    }

    /** One exported metric point (histograms by count and sum). */
    record Point(String scope, String metric, Map<String, Object> attributes, double count, double sum) {}

    /** One exported log record (event). */
    record LogRecord(String scope, String eventName, String traceId, String spanId, Map<String, Object> attributes,
            JsonNode body) {}

    final List<Span> spans = new ArrayList<>();
    final List<Point> points = new ArrayList<>();
    final List<LogRecord> logs = new ArrayList<>();

    static final int KIND_INTERNAL = 1;
    static final int KIND_CLIENT = 3;
    static final int STATUS_ERROR = 2;

    /** Reads every OTLP JSON batch in {@code output} (other lines are ignored). */
    static Otlp parse(String output) throws Exception {
        Otlp otlp = new Otlp();
        for (String line : output.split("\n")) {
            int start = line.indexOf("{\"resource");
            if (start < 0) {
                continue;
            }
            JsonNode batch = JSON.readTree(line.substring(start));
            if (batch.has("resourceSpans") || batch.has("scopeSpans")) {
                otlp.readSpans(batch);
            } else if (batch.has("scopeMetrics")) {
                otlp.readMetrics(batch);
            } else if (batch.has("scopeLogs")) {
                otlp.readLogs(batch);
            }
        }
        return otlp;
    }

    private void readSpans(JsonNode resource) {
        for (JsonNode scopeSpans : resource.path("scopeSpans")) {
            String scope = scopeSpans.path("scope").path("name").asText();
            for (JsonNode span : scopeSpans.path("spans")) {
                spans.add(new Span(scope, span.path("name").asText(), span.path("kind").asInt(),
                        span.path("traceId").asText(), span.path("spanId").asText(),
                        span.path("parentSpanId").asText(""), attributes(span.path("attributes")),
                        span.path("status").path("code").asInt(0)));
            }
        }
    }

    private void readMetrics(JsonNode resource) {
        for (JsonNode scopeMetrics : resource.path("scopeMetrics")) {
            String scope = scopeMetrics.path("scope").path("name").asText();
            for (JsonNode metric : scopeMetrics.path("metrics")) {
                JsonNode data = metric.has("histogram") ? metric.get("histogram")
                        : metric.has("sum") ? metric.get("sum") : metric.path("gauge");
                for (JsonNode point : data.path("dataPoints")) {
                    double count = point.has("count") ? point.get("count").asDouble() : 1;
                    double sum = point.has("sum") ? point.get("sum").asDouble()
                            : point.has("asInt") ? point.get("asInt").asDouble() : point.path("asDouble").asDouble();
                    points.add(new Point(scope, metric.path("name").asText(), attributes(point.path("attributes")),
                            count, sum));
                }
            }
        }
    }

    private void readLogs(JsonNode resource) {
        for (JsonNode scopeLogs : resource.path("scopeLogs")) {
            String scope = scopeLogs.path("scope").path("name").asText();
            for (JsonNode log : scopeLogs.path("logRecords")) {
                logs.add(new LogRecord(scope, log.path("eventName").asText(""), log.path("traceId").asText(""),
                        log.path("spanId").asText(""), attributes(log.path("attributes")), log.path("body")));
            }
        }
    }

    private static Map<String, Object> attributes(JsonNode list) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : list) {
            attributes.put(attribute.path("key").asText(), value(attribute.path("value")));
        }
        return attributes;
    }

    private static Object value(JsonNode value) {
        if (value.has("stringValue")) {
            return value.get("stringValue").asText();
        }
        if (value.has("intValue")) {
            return value.get("intValue").asLong();
        }
        if (value.has("doubleValue")) {
            return value.get("doubleValue").asDouble();
        }
        if (value.has("boolValue")) {
            return value.get("boolValue").asBoolean();
        }
        if (value.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode element : value.get("arrayValue").path("values")) {
                values.add(value(element));
            }
            return values;
        }
        return value.toString();
    }
}
