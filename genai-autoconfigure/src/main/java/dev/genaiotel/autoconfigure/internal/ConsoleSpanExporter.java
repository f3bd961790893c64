package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;

/** Prints each batch of spans as a tree ({@link ConsoleView#spans}); the {@code genai-console} traces exporter. */
public final class ConsoleSpanExporter implements SpanExporter {

    /** The exporter name, for {@code otel.traces.exporter}. */
    public static final String NAME = "genai-console";

    private final ConsoleOutput out;

    /** An exporter writing to {@code out}. */
    public ConsoleSpanExporter(PrintStream out) {
        this.out = new ConsoleOutput(out);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return out.print(spans, ConsoleView::spans);
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
        return "GenAiConsoleSpanExporter{}";
    }

    /** Lets autoconfigure create the exporter for {@code otel.traces.exporter=genai-console}. */
    public static final class Provider implements ConfigurableSpanExporterProvider {

        /** For {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return new ConsoleSpanExporter(System.out);
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
