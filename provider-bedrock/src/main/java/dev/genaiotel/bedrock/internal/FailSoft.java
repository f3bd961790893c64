package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** This module's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.bedrock}. */
public final class FailSoft {

    static final Logger LOGGER = Logger.getLogger("dev.genaiotel.bedrock");

    private FailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    public static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }

    /**
     * Reads one independent piece of a mapping: what the SDK throws for it, or a method an older SDK version lacks
     * ({@link LinkageError}), costs that piece only, which is then null.
     */
    static <T> T get(String where, Supplier<T> piece) {
        try {
            return piece.get();
        } catch (RuntimeException | LinkageError e) {
            log(where, e);
            return null;
        }
    }
}
