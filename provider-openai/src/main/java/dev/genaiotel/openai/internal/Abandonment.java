package dev.genaiotel.openai.internal;

import java.lang.ref.Cleaner;

/**
 * Ends the telemetry of results the caller drops without closing or draining them: a stream nobody closes would
 * otherwise leave its span open forever.
 */
final class Abandonment {

    private Abandonment() {}

    /** Runs {@code action} once {@code owner} becomes phantom reachable; the action must not reference the owner. */
    static Cleaner.Cleanable watch(Object owner, Runnable action) {
        return Holder.CLEANER.register(owner, action);
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "genai-otel-openai-abandoned-streams");
            thread.setDaemon(true);
            return thread;
        });
    }
}
