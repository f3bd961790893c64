package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.io.PrintStream;
import java.util.Collection;

/** Prints events with their attributes ({@link ConsoleView#events}); the {@code genai-console} logs exporter. */
public final class ConsoleLogRecordExporter implements LogRecordExporter {

    private final ConsoleOutput out;

    /** An exporter writing to {@code out}. */
    public ConsoleLogRecordExporter(PrintStream out) {
        this.out = new ConsoleOutput(out);
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        return out.print(records, ConsoleView::events);
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
        return "GenAiConsoleLogRecordExporter{}";
    }

    /** Lets autoconfigure create the exporter for {@code otel.logs.exporter=genai-console}. */
    public static final class Provider implements ConfigurableLogRecordExporterProvider {

        /** For {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public LogRecordExporter createExporter(ConfigProperties config) {
            return new ConsoleLogRecordExporter(System.out);
        }

        @Override
        public String getName() {
            return ConsoleSpanExporter.NAME;
        }
    }
}
