package dev.genaiotel.autoconfigure;

import dev.genaiotel.autoconfigure.internal.ContentAttributeLimits;
import dev.genaiotel.autoconfigure.internal.SystemPropertyBridge;
import dev.genaiotel.core.InstrumentationFailures;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the {@code otel.instrumentation.genai.*} settings into an OpenTelemetry SDK configured by
 * {@code opentelemetry-sdk-extension-autoconfigure}, for applications that already use it
 * ({@code AutoConfiguredOpenTelemetrySdk}) or the OpenTelemetry Java agent (as an extension jar, with
 * {@code -Dotel.javaagent.extensions=...}). Found by {@link java.util.ServiceLoader}; there is nothing to call.
 *
 * <p>It does two things, both read from the {@link ConfigProperties} that autoconfigure resolved, so that the
 * settings may come from any of its sources (system properties, environment variables, property suppliers and
 * customizers, the Java agent's configuration file):
 *
 * <ol>
 *   <li><b>Attribute limits for content.</b> When content capture is on
 *       ({@code otel.instrumentation.genai.capture-message-content} is {@code true} or a mode other than
 *       {@code NO_CONTENT}) and neither {@code otel.span.attribute.count.limit} nor
 *       {@code otel.attribute.count.limit} is set, the span attribute count limit is raised from the SDK's 128 to
 *       1024, since the flattened compatibility attributes and long tool lists need more. The value length limit is
 *       unlimited in the SDK unless the user sets one; a user's limit below the GenAI content budget
 *       ({@code otel.instrumentation.genai.max-content-attributes-chars}, 65536 by default) is kept, with one
 *       warning that the SDK will cut content attributes. With capture off nothing changes.
 *   <li><b>Settings for every {@code GenAiTelemetry} built afterwards.</b> genai-core reads its settings from
 *       system properties and environment variables, so a {@code GenAiTelemetry} created later, for example by
 *       {@code OpenAITelemetry.create(GlobalOpenTelemetry.get())}, would not see a value that only a property
 *       supplier or the agent's configuration file holds. Each genai-core setting whose resolved value differs from
 *       what genai-core would read is therefore copied into the system property of the same name. System properties
 *       are deliberately the channel: they are the one configuration source shared by the agent's class loader,
 *       where this extension runs, and the application's, where genai-otel runs, and they keep genai-core free of
 *       any SDK dependency. A value the user set as a system property is replaced only when autoconfigure resolved
 *       another value for it (a customizer, which is code, won). Switch it off with
 *       {@code otel.instrumentation.genai.autoconfigure.publish-system-properties=false};
 *       {@link GenAiOpenTelemetry} switches it off unless it registers the SDK as the global one.
 * </ol>
 *
 * <p>A failure in either step is logged once and leaves the SDK configuration as it was.
 */
public final class GenAiAutoConfigurationCustomizerProvider implements AutoConfigurationCustomizerProvider {

    private static final Logger LOGGER = Logger.getLogger(GenAiAutoConfigurationCustomizerProvider.class.getName());

    /** Called by {@link java.util.ServiceLoader}. */
    public GenAiAutoConfigurationCustomizerProvider() {}

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addPropertiesCustomizer(GenAiAutoConfigurationCustomizerProvider::limits);
        // The resource customizer is the first hook that sees the final configuration, after every properties
        // customizer; the resource itself is returned unchanged.
        customizer.addResourceCustomizer((resource, config) -> {
            publish(config);
            return resource;
        });
    }

    private static Map<String, String> limits(ConfigProperties config) {
        try {
            return ContentAttributeLimits.raise(config);
        } catch (RuntimeException e) {
            InstrumentationFailures.logOnce(LOGGER, "attribute limits for content capture", e);
            return Map.of();
        }
    }

    private static void publish(ConfigProperties config) {
        try {
            SystemPropertyBridge.publish(config);
        } catch (RuntimeException e) {
            InstrumentationFailures.logOnce(LOGGER, "publishing GenAI settings to system properties", e);
        }
    }
}
