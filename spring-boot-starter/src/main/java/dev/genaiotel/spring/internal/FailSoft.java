package dev.genaiotel.spring.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.logging.Logger;

/** The starter's boundary for its own failures: logged once per place and cause, never thrown at the application. */
final class FailSoft {

    static final Logger LOGGER = Logger.getLogger("dev.genaiotel.spring");

    private FailSoft() {}

    static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }
}
