package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the object through which the application reads a streamed response (a stream, an iterator, a publisher,
 * an input stream): if the application drops it, unreachable before the operation ended, the operation ends as
 * abandoned. Returned by {@link Invocation#endWhenAbandoned(Object)}.
 *
 * <p>The outcome of abandonment is the same for every provider: span status {@code ERROR}, {@code error.type}
 * {@value Invocation#STREAM_ABANDONED}, whatever arrived before kept as the partial response, and for an inference
 * the finish reason {@code error} at the position of every choice that never finished. It is noticed when the garbage
 * collector finds the object unreachable, so it ends the span late, but it ends it.
 */
public final class StreamWatch {

    private static final Logger LOGGER = Logger.getLogger(StreamWatch.class.getName());

    static final StreamWatch NONE = new StreamWatch(null, null);

    private final Operation<?, ?> op;
    private final AutoCloseable resource;
    private volatile boolean released;

    StreamWatch(Operation<?, ?> op, AutoCloseable resource) {
        this.op = op;
        this.resource = resource;
    }

    /**
     * Stops watching: something other than the application's reference now keeps the stream going (a subscriber the
     * client library holds), so losing that reference no longer means the stream was abandoned.
     */
    public void release() {
        released = true;
    }

    /**
     * The stream was found abandoned by other means (for example by the client library's own cleaner): ends the
     * operation as abandoned now, unless it ended or the watch was released.
     */
    public void abandoned() {
        if (released || op == null) {
            return;
        }
        try {
            if (!op.isEnded()) {
                op.fail(null, Invocation.STREAM_ABANDONED);
            }
        } finally {
            closeResource();
        }
    }

    /** Releases what the abandoned stream held (its connection); nobody is waiting for the outcome. */
    private void closeResource() {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.FINE, "closing an abandoned stream failed", e);
        }
    }
}
