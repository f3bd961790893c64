/**
 * The OpenTelemetry GenAI semantic-convention vocabulary: attribute keys, well-known values, metric and event
 * definitions, and the message model with its two encodings (compact JSON and structured {@code Value}).
 */
module dev.genaiotel.semconv {
    requires transitive io.opentelemetry.api;
    requires com.fasterxml.jackson.core;

    exports dev.genaiotel.semconv;
    exports dev.genaiotel.semconv.message;
}
