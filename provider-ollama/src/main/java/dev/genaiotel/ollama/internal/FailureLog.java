package dev.genaiotel.ollama.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs a telemetry failure once per place and cause; the application's call is never affected. */
final class FailureLog {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.ollama");
    private static final int MAX_REMEMBERED = 256;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private FailureLog() {}

    static void failed(String where, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        String cause = where + '/' + failure.getClass().getName();
        if (SEEN.size() < MAX_REMEMBERED && SEEN.add(cause)) {
            LOGGER.log(Level.WARNING, "Ollama telemetry failed in " + where
                    + "; the application's call continues unaffected and this cause is not logged again", failure);
        }
    }
}
