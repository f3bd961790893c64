package dev.genaiotel.anthropic.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** This module's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.anthropic}. */
final class FailSoft {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.anthropic");

    private FailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }

    /**
     * Reads one independent field: what the client throws for a field the caller or the server got wrong costs
     * that field only, which is then null.
     */
    static <T> T get(String where, Supplier<T> field) {
        try {
            return field.get();
        } catch (RuntimeException | LinkageError e) {
            log(where, e);
            return null;
        }
    }
}
