package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.io.PrintStream;
import java.util.Collection;

/**
 * Prints genai-otel's metric points ({@link ConsoleView#metrics}); the {@code genai-console} metrics exporter. Delta
 * temporality: each print shows what was recorded since the previous one, and an interval with nothing recorded
 * prints nothing (so the final export at shutdown does not repeat the last one).
 */
public final class ConsoleMetricExporter implements MetricExporter {

    private final ConsoleOutput out;

    /** An exporter writing to {@code out}. */
    public ConsoleMetricExporter(PrintStream out) {
        this.out = new ConsoleOutput(out);
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.DELTA;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        return out.print(metrics, ConsoleView::metrics);
    }

    @Override
    public CompletableResultCode flush() {
        return out.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return out.shutdown();
    }

    @Override
    public String toString() {
        return "GenAiConsoleMetricExporter{}";
    }

    /** Lets autoconfigure create the exporter for {@code otel.metrics.exporter=genai-console}. */
    public static final class Provider implements ConfigurableMetricExporterProvider {

        /** For {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public MetricExporter createExporter(ConfigProperties config) {
            return new ConsoleMetricExporter(System.out);
        }

        @Override
        public String getName() {
            return ConsoleSpanExporter.NAME;
        }
    }
}
