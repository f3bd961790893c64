package dev.genaiotel.bedrock.internal;

import java.lang.ref.Cleaner;

/**
 * Ends the telemetry of streams the application drops without subscribing: such a stream would otherwise leave its
 * span open forever.
 */
public final class Abandonment {

    private Abandonment() {}

    /** Runs {@code action} once {@code owner} becomes phantom reachable; the action must not reference the owner. */
    public static Cleaner.Cleanable watch(Object owner, Runnable action) {
        return Holder.CLEANER.register(owner, action);
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "genai-otel-bedrock-abandoned-streams");
            thread.setDaemon(true);
            return thread;
        });
    }
}
