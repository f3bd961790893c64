package dev.genaiotel.core;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The boundary every instrumentation module puts between its own failures and the application: a failure of the
 * instrumentation is logged once per logger, place and cause, at {@code WARNING}, and goes no further. Provider
 * modules and hand-written instrumentations call it from their {@code catch} blocks, so that a broken mapping
 * cannot flood the log or change what the application sees.
 */
public final class InstrumentationFailures {

    private static final int MAX_REMEMBERED = 1024;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private InstrumentationFailures() {}

    /**
     * Logs {@code failure} the first time this kind of failure happens in {@code where} for {@code logger}; later
     * ones are dropped. A {@link VirtualMachineError} is rethrown: it is not the instrumentation's to swallow.
     *
     * @param logger the instrumentation module's logger, such as {@code dev.genaiotel.openai}
     * @param where the place that failed, low-cardinality, such as {@code "chat response mapping"}
     * @param failure what was thrown
     */
    public static void logOnce(Logger logger, String where, Throwable failure) {
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        String cause = logger.getName() + '/' + where + '/' + failure.getClass().getName();
        if (SEEN.size() < MAX_REMEMBERED && SEEN.add(cause)) {
            logger.log(Level.WARNING, "GenAI instrumentation failed in " + where
                    + "; the application's call is unaffected and this cause is not logged again", failure);
        }
    }
}
