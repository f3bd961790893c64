package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The terminal the three {@code genai-console} exporters print to: one print at a time, nothing after shutdown. Each
 * exporter says only which {@link ConsoleView} renders its signal.
 */
final class ConsoleOutput {

    private final PrintStream out;
    private final AtomicBoolean shutDown = new AtomicBoolean();

    ConsoleOutput(PrintStream out) {
        this.out = out;
    }

    /** Prints one batch with {@code view}; fails once shut down, as the SDK's exporters do. */
    <T> CompletableResultCode print(Collection<T> batch, BiConsumer<Collection<T>, PrintStream> view) {
        if (shutDown.get()) {
            return CompletableResultCode.ofFailure();
        }
        synchronized (out) {
            view.accept(batch, out);
        }
        return CompletableResultCode.ofSuccess();
    }

    CompletableResultCode flush() {
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    CompletableResultCode shutdown() {
        shutDown.set(true);
        return flush();
    }
}
