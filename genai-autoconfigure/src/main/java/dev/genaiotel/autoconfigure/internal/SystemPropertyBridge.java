package dev.genaiotel.autoconfigure.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Makes the genai-otel settings that autoconfigure resolved visible to every {@code GenAiTelemetry} built later in
 * this JVM. genai-core reads its settings from system properties and environment variables, while autoconfigure also
 * takes them from property suppliers, customizers and (under the Java agent) the agent's configuration file. For each
 * setting whose resolved value differs from what genai-core would read, the resolved value is copied into the system
 * property of the same name. System properties are the one channel that also crosses from the Java agent's class
 * loader, where an extension runs, to the application's, where genai-otel runs. Switched off with
 * {@value GenAiProperties#PUBLISH}{@code =false}.
 */
public final class SystemPropertyBridge {

    private SystemPropertyBridge() {}

    /** Publishes into the JVM's system properties. */
    public static void publish(ConfigProperties config) {
        publish(config, System::getProperty, System::getenv, System::setProperty);
    }

    /**
     * Publishes through the given sources and sink, for tests.
     *
     * @param config the resolved configuration
     * @param systemProperties looks up a system property; null when unset
     * @param environment looks up an environment variable; null when unset
     * @param setter sets a system property
     */
    public static void publish(ConfigProperties config, Function<String, String> systemProperties,
            Function<String, String> environment, BiConsumer<String, String> setter) {
        Boolean publish = config.getBoolean(GenAiProperties.PUBLISH);
        if (Boolean.FALSE.equals(publish)) {
            return;
        }
        for (String key : GenAiProperties.CORE_SETTINGS) {
            String resolved = config.getString(key);
            if (resolved == null || resolved.isBlank()) {
                continue;
            }
            String visible = blankToNull(systemProperties.apply(key));
            if (visible == null) {
                visible = blankToNull(environment.apply(GenAiProperties.environmentName(key)));
            }
            if (!Objects.equals(resolved, visible)) {
                setter.accept(key, resolved);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
