package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * This module's side of the core's fail-soft boundary between LangChain4j and the telemetry; its logger is
 * {@code dev.genaiotel.langchain4j}.
 */
public final class FailSoft {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.langchain4j");

    private FailSoft() {}

    /** Logs {@code failure} the first time it happens in {@code place}; rethrows only virtual-machine errors. */
    public static void log(String place, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, place, failure);
    }

    /**
     * Reads one independent piece of a mapping: what LangChain4j throws for it, or a method the running LangChain4j
     * version lacks ({@link LinkageError}), costs that piece only, which is then null.
     */
    static <T> T get(String place, Supplier<T> piece) {
        try {
            return piece.get();
        } catch (RuntimeException | LinkageError failure) {
            log(place, failure);
            return null;
        }
    }
}
