package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

/** Prints events with their attributes ({@link ConsoleView#events}); the {@code genai-console} logs exporter. */
public final class ConsoleLogRecordExporter implements LogRecordExporter {

    private final PrintStream out;
    private final AtomicBoolean shutDown = new AtomicBoolean();

    /** An exporter writing to {@code out}. */
    public ConsoleLogRecordExporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        if (shutDown.get()) {
            return CompletableResultCode.ofFailure();
        }
        synchronized (out) {
            ConsoleView.events(records, out);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutDown.set(true);
        return flush();
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
