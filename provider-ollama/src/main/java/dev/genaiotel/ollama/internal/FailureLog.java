package dev.genaiotel.ollama.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.logging.Logger;

/** This module's side of the core's fail-soft boundary; its logger is {@code dev.genaiotel.ollama}. */
final class FailureLog {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.ollama");

    private FailureLog() {}

    static void failed(String where, Throwable failure) {
        InstrumentationFailures.logOnce(LOGGER, where, failure);
    }
}
