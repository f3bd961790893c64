package dev.genaiotel.bedrock.internal.agent;

import java.lang.ref.Cleaner;

/**
 * Ends the telemetry of an event stream the application drops without subscribing to it: the SDK would otherwise
 * wait for a subscriber forever, and the span would stay open.
 */
final class StreamAbandonment {

    private StreamAbandonment() {}

    /** Runs {@code action} once {@code owner} becomes phantom reachable; the action must not reference the owner. */
    static void watch(Object owner, Runnable action) {
        Holder.CLEANER.register(owner, action);
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "genai-otel-bedrock-abandoned-agent-streams");
            thread.setDaemon(true);
            return thread;
        });
    }
}
