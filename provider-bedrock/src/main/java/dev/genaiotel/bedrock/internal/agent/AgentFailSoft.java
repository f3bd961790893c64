package dev.genaiotel.bedrock.internal.agent;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.logging.Logger;

/** This package's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.bedrock}. */
final class AgentFailSoft {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.bedrock");

    private AgentFailSoft() {}

    /** Logs {@code failure} at WARNING the first time this kind of failure happens in {@code where}. */
    static void log(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }
}
