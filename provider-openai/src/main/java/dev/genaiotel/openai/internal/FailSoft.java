package dev.genaiotel.openai.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Instrumentation failures: logged once per cause and place, never thrown into the application. */
final class FailSoft {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.openai");
    private static final int MAX_REMEMBERED = 256;
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private FailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    static void log(String where, Throwable failure) {
        String key = where + ':' + failure.getClass().getName();
        if (LOGGED.size() < MAX_REMEMBERED && LOGGED.add(key)) {
            LOGGER.log(Level.WARNING, "genai-otel OpenAI instrumentation failed in " + where
                    + "; telemetry for this call may be incomplete. Further failures of this kind are not logged.",
                    failure);
        }
    }

    /** Runs one independent piece of a mapping, so that a field the server got wrong costs only that piece. */
    static void run(String where, Runnable piece) {
        try {
            piece.run();
        } catch (RuntimeException e) {
            log(where, e);
        }
    }
}
