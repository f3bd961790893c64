/**
 * Test support for genai-otel: {@link dev.genaiotel.testsupport.SemconvSignals} checks the metrics and events each
 * setting of {@code otel.instrumentation.genai.semconv-version} must produce, read back through the OpenTelemetry
 * SDK's in-memory readers. For tests only.
 */
module dev.genaiotel.testsupport {
    requires transitive dev.genaiotel.core;
    requires transitive io.opentelemetry.sdk.metrics;
    requires transitive io.opentelemetry.sdk.logs;
    requires org.assertj.core;

    exports dev.genaiotel.testsupport;
}
