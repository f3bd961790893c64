package dev.genaiotel.core.internal;

import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/** The one bounded {@link ServiceLoader} loop of genai-core, for listeners, redactors and completion hooks. */
public final class Services {

    /** How many providers that cannot be loaded are tolerated before giving up on the rest. */
    static final int MAX_LOAD_FAILURES = 16;

    private Services() {}

    /**
     * Adds every provider of {@code type} that {@link ServiceLoader} finds to {@code into}, in its order. A provider
     * that cannot be loaded is handed to {@code failed} (which logs it, and may add a stand-in) and the loader goes on
     * to the next one, as it promises a best effort after an error; after {@value #MAX_LOAD_FAILURES} failures the
     * rest is given up, in case the loader cannot advance.
     */
    public static <T> void load(Class<T> type, List<T> into, Consumer<ServiceConfigurationError> failed) {
        Iterator<T> providers = ServiceLoader.load(type).iterator();
        for (int failures = 0; failures < MAX_LOAD_FAILURES; ) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                into.add(providers.next());
            } catch (ServiceConfigurationError e) {
                failures++;
                failed.accept(e);
            }
        }
    }
}
