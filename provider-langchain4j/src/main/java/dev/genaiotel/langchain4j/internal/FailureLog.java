package dev.genaiotel.langchain4j.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The boundary between LangChain4j and the telemetry: a failure of the instrumentation is logged once per place and
 * cause and goes no further, so that LangChain4j and the application never see it.
 */
public final class FailureLog {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.langchain4j");
    private static final int MAX_REMEMBERED = 256;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private FailureLog() {}

    /** Logs {@code failure} the first time it happens in {@code place}; rethrows only virtual-machine errors. */
    public static void failed(String place, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        String cause = place + '/' + failure.getClass().getName();
        if (SEEN.size() < MAX_REMEMBERED && SEEN.add(cause)) {
            LOGGER.log(Level.WARNING, "GenAI telemetry for LangChain4j failed in " + place
                    + "; LangChain4j and the application are unaffected and this cause is not logged again", failure);
        }
    }
}
