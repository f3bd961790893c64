/**
 * One-call OpenTelemetry SDK setup for GenAI telemetry, built on the SDK's autoconfiguration so that every standard
 * {@code OTEL_*} variable and {@code otel.*} property keeps working. Entry points:
 * {@link dev.genaiotel.autoconfigure.GenAiOpenTelemetry} for applications without an SDK, and
 * {@link dev.genaiotel.autoconfigure.GenAiAutoConfigurationCustomizerProvider}, found by the SDK's autoconfiguration
 * (and the OpenTelemetry Java agent's extension mechanism) through {@link java.util.ServiceLoader}: on the module path
 * through {@code provides}, on the class path through
 * {@code META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider}.
 */
module dev.genaiotel.autoconfigure {
    requires transitive dev.genaiotel.core;
    requires transitive io.opentelemetry.sdk;
    requires transitive io.opentelemetry.sdk.common; // Resource
    requires transitive io.opentelemetry.sdk.trace; // SdkTracerProvider through OpenTelemetrySdk, SpanProcessor
    requires transitive io.opentelemetry.sdk.logs; // LogRecordProcessor
    requires transitive io.opentelemetry.sdk.metrics; // MetricReader
    requires transitive io.opentelemetry.sdk.autoconfigure.spi; // the customizer provider implements it
    requires io.opentelemetry.sdk.autoconfigure;
    // The exporters are found by autoconfigure through ServiceLoader. Requiring one automatic module resolves every
    // automatic module on the module path (the exporters' internal modules, the okhttp sender), but okhttp-jvm 5 is
    // an explicit module that nothing else pulls into the graph.
    requires io.opentelemetry.exporter.otlp;
    requires io.opentelemetry.exporter.logging;
    requires okhttp3;

    exports dev.genaiotel.autoconfigure;

    provides io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider
            with dev.genaiotel.autoconfigure.GenAiAutoConfigurationCustomizerProvider;
    // The readable console view, exporter name genai-console (ExportPreset.console()).
    provides io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider
            with dev.genaiotel.autoconfigure.internal.ConsoleSpanExporter.Provider;
    provides io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider
            with dev.genaiotel.autoconfigure.internal.ConsoleMetricExporter.Provider;
    provides io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider
            with dev.genaiotel.autoconfigure.internal.ConsoleLogRecordExporter.Provider;
}
