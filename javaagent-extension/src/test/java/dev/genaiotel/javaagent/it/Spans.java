package dev.genaiotel.javaagent.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Selections of exported spans. */
final class Spans {

    private Spans() {}

    /** The GenAI spans (any scope) of one operation and provider. */
    static List<Otlp.Span> genAi(Otlp telemetry, String operation, String provider) {
        return telemetry.spans.stream()
                .filter(span -> operation.equals(span.attribute("gen_ai.operation.name")))
                .filter(span -> provider.equals(span.attribute("gen_ai.provider.name")))
                .toList();
    }

    /** The GenAI spans (any scope) of one operation, provider and requested model. */
    static List<Otlp.Span> genAi(Otlp telemetry, String operation, String provider, String model) {
        return genAi(telemetry, operation, provider).stream()
                .filter(span -> model.equals(span.attribute("gen_ai.request.model")))
                .toList();
    }

    /** A span's attributes without the thread details the agent adds to every span. */
    static Map<String, Object> recorded(Otlp.Span span) {
        Map<String, Object> attributes = new LinkedHashMap<>(span.attributes());
        attributes.remove("thread.id");
        attributes.remove("thread.name");
        return attributes;
    }

    /** Every GenAI span, of any scope. */
    static List<Otlp.Span> allGenAi(Otlp telemetry) {
        return telemetry.spans.stream().filter(Otlp.Span::isGenAi).toList();
    }

    /** The agent's HTTP client spans whose parent is {@code parent}. */
    static List<Otlp.Span> httpChildren(Otlp telemetry, Otlp.Span parent) {
        return telemetry.spans.stream()
                .filter(span -> span.parentSpanId().equals(parent.spanId()))
                .filter(span -> span.kind() == Otlp.KIND_CLIENT && span.attributes().containsKey("http.request.method"))
                .toList();
    }

    /** The agent's HTTP client spans anywhere under {@code ancestor} (an AWS SDK span may stand between). */
    static List<Otlp.Span> httpDescendants(Otlp telemetry, Otlp.Span ancestor) {
        return telemetry.spans.stream()
                .filter(span -> span.kind() == Otlp.KIND_CLIENT && span.attributes().containsKey("http.request.method"))
                .filter(span -> descendsFrom(telemetry, span, ancestor))
                .toList();
    }

    private static boolean descendsFrom(Otlp telemetry, Otlp.Span span, Otlp.Span ancestor) {
        String parent = span.parentSpanId();
        for (int depth = 0; depth < 16 && !parent.isEmpty(); depth++) {
            if (parent.equals(ancestor.spanId())) {
                return true;
            }
            String current = parent;
            parent = telemetry.spans.stream().filter(candidate -> candidate.spanId().equals(current))
                    .map(Otlp.Span::parentSpanId).findFirst().orElse("");
        }
        return false;
    }
}
