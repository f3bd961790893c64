package dev.genaiotel.mcp.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.logging.Logger;

/** This module's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.mcp}. */
final class FailSoft {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.mcp");

    private FailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }
}
