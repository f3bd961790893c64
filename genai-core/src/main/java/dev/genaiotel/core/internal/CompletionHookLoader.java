package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.CompletionHookProvider;
import dev.genaiotel.core.GenAiSettings;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the completion hooks selected by name ({@code otel.instrumentation.genai.completion-hook} or code) among the
 * providers offered in code and those found by {@link ServiceLoader}, and creates them. Nothing here throws: a name
 * without provider, a provider that cannot be loaded and a factory that fails are logged and skipped.
 */
public final class CompletionHookLoader {

    /** The system property naming the hooks; environment twin {@code OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK}. */
    public static final String COMPLETION_HOOK = "otel.instrumentation.genai.completion-hook";

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.core");

    private CompletionHookLoader() {}

    /**
     * The hooks to use: {@code added} first, then one per selected name, in the order named.
     *
     * @param names the names chosen in code, or null to read {@link #COMPLETION_HOOK} from the sources
     * @param offered providers offered in code, looked at before the {@link ServiceLoader} ones
     */
    public static List<CompletionHook> load(List<CompletionHook> added, List<String> names,
            List<CompletionHookProvider> offered, OpenTelemetry openTelemetry, GenAiSettings settings,
            Function<String, String> systemProperties, Function<String, String> environment) {
        Context context = new Context(openTelemetry, settings, systemProperties, environment);
        Set<String> selected = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names) {
                addNames(selected, name);
            }
        } else {
            addNames(selected, context.property(COMPLETION_HOOK));
        }
        List<CompletionHook> hooks = new ArrayList<>(added);
        if (selected.isEmpty()) {
            return hooks;
        }
        List<CompletionHookProvider> providers = new ArrayList<>(offered);
        loadProviders(providers);
        for (String name : selected) {
            CompletionHookProvider provider = find(providers, name);
            if (provider == null) {
                LOGGER.log(Level.WARNING, "No completion hook provider is named ''{0}''; it is skipped", name);
                continue;
            }
            try {
                CompletionHook hook = provider.create(context);
                if (hook == null) {
                    LOGGER.log(Level.WARNING, "The completion hook provider ''{0}'' created no hook; it is skipped",
                            name);
                } else {
                    hooks.add(hook);
                }
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.WARNING, "The completion hook provider '" + name + "' failed; it is skipped", e);
            }
        }
        return hooks;
    }

    private static void addNames(Set<String> selected, String raw) {
        if (raw == null) {
            return;
        }
        for (String name : raw.split(",")) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                selected.add(trimmed);
            }
        }
    }

    private static CompletionHookProvider find(List<CompletionHookProvider> providers, String name) {
        for (CompletionHookProvider provider : providers) {
            try {
                String own = provider.name();
                if (own != null && own.trim().equalsIgnoreCase(name)) {
                    return provider;
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "A completion hook provider failed to say its name; it is skipped", e);
            }
        }
        return null;
    }

    private static void loadProviders(List<CompletionHookProvider> all) {
        Services.load(CompletionHookProvider.class, all, e -> LOGGER.log(Level.WARNING,
                "A CompletionHookProvider service could not be loaded; it is skipped", e));
    }

    private static final class Context implements CompletionHookProvider.Context {
        private final OpenTelemetry openTelemetry;
        private final GenAiSettings settings;
        private final Function<String, String> systemProperties;
        private final Function<String, String> environment;

        Context(OpenTelemetry openTelemetry, GenAiSettings settings, Function<String, String> systemProperties,
                Function<String, String> environment) {
            this.openTelemetry = openTelemetry;
            this.settings = settings;
            this.systemProperties = systemProperties;
            this.environment = environment;
        }

        @Override
        public OpenTelemetry openTelemetry() {
            return openTelemetry;
        }

        @Override
        public GenAiSettings settings() {
            return settings;
        }

        @Override
        public String property(String name) {
            String value = systemProperties.apply(name);
            if (value == null || value.isBlank()) {
                value = environment.apply(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return value == null || value.isBlank() ? null : value;
        }
    }
}
