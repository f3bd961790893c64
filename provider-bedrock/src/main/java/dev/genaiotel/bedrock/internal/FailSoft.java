package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.logging.Logger;

/** This module's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.bedrock}. */
public final class FailSoft {

    static final Logger LOGGER = Logger.getLogger("dev.genaiotel.bedrock");

    private FailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    public static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }
}
