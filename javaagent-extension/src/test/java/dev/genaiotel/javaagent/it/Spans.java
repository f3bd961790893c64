package dev.genaiotel.javaagent.it;

import java.util.List;

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
}
