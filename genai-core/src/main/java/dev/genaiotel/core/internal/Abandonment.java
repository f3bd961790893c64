package dev.genaiotel.core.internal;

import java.lang.ref.Cleaner;

/**
 * The one cleaner that notices streams the application dropped, for every provider: one daemon thread for the
 * process, started on first use.
 */
public final class Abandonment {

    private Abandonment() {}

    /**
     * Runs {@code action} once {@code owner} is unreachable. The action must not refer to {@code owner}, or it never
     * becomes unreachable.
     */
    public static void watch(Object owner, Runnable action) {
        Holder.CLEANER.register(owner, action);
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "genai-otel-abandoned-streams");
            thread.setDaemon(true);
            return thread;
        });
    }
}
