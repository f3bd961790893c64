package dev.genaiotel.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs a recorder's failure once per recorder and cause, so a broken plugin cannot flood the log. */
final class FailureLog {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.core");
    private static final int MAX_REMEMBERED = 1024;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    void failed(Object recorder, String phase, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        if (firstTime(recorder, phase, failure)) {
            LOGGER.log(Level.WARNING, "GenAI telemetry recorder " + recorder.getClass().getName() + " failed in "
                    + phase + "; the operation continues and this cause is not logged again", failure);
        }
    }

    /** A content redactor threw: what it was given is dropped, never recorded unredacted. */
    void redactorFailed(Object redactor, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        if (firstTime(redactor, "redact", failure)) {
            LOGGER.log(Level.WARNING, "GenAI content redactor " + redactor.getClass().getName() + " failed; the"
                    + " content it was given is dropped, not recorded, and this cause is not logged again", failure);
        }
    }

    private boolean firstTime(Object source, String phase, Throwable failure) {
        String cause = source.getClass().getName() + '/' + phase + '/' + failure.getClass().getName();
        return seen.size() < MAX_REMEMBERED && seen.add(cause);
    }
}
