package dev.genaiotel.core.internal.upload;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;

import dev.genaiotel.core.UploadCompletionHook;
import dev.genaiotel.core.internal.InstrumentationScope;
import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code gen_ai.upload.dropped} counter, by {@code error.type}, and the one warning per reason that goes with a
 * queue that is full or a hook that is closed. Write failures are logged by the writer, which knows their cause.
 */
final class DroppedUploads {

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());
    private static final Attributes QUEUE_FULL = Attributes.of(ERROR_TYPE, UploadCompletionHook.QUEUE_FULL);
    private static final Attributes WRITE_FAILED = Attributes.of(ERROR_TYPE, UploadCompletionHook.WRITE_FAILED);
    private static final Attributes CLOSED = Attributes.of(ERROR_TYPE, UploadCompletionHook.CLOSED);

    private final LongCounter counter;
    private final AtomicBoolean queueFullLogged = new AtomicBoolean();
    private final AtomicBoolean closedLogged = new AtomicBoolean();

    DroppedUploads(OpenTelemetry openTelemetry) {
        // Our own metric, in no conventions version: recorded under the scope without a schema URL.
        this.counter = InstrumentationScope.meter(openTelemetry, null)
                .counterBuilder(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name())
                .setUnit(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.unit())
                .setDescription(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.description())
                .build();
    }

    /** An inference refused because the queue was full; {@code free} is the room left, for the log. */
    void queueFull(int free) {
        counter.add(1, QUEUE_FULL);
        if (queueFullLogged.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, "The GenAI content upload queue is full (" + free + " free); uploads are"
                    + " dropped, without references, and counted on " + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name()
                    + " (error.type=" + UploadCompletionHook.QUEUE_FULL + "); this is not logged again");
        }
    }

    /** An inference that finished after the hook was closed. */
    void closed() {
        counter.add(1, CLOSED);
        if (closedLogged.compareAndSet(false, true)) {
            LOGGER.log(Level.WARNING, "GenAI content upload after close() is dropped and counted on "
                    + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name() + "; this is not logged again");
        }
    }

    /** An accepted inference of which at least one file could not be written. */
    void writeFailed() {
        counter.add(1, WRITE_FAILED);
    }
}
