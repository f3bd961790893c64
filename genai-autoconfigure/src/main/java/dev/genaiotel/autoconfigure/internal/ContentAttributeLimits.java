package dev.genaiotel.autoconfigure.internal;

import dev.genaiotel.core.GenAiSettings;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The span attribute limits that content capture needs. The SDK keeps 128 attributes per span by default, which the
 * flattened compatibility format ({@code gen_ai.prompt.N.*}) and long tool lists exceed; its value length is
 * unlimited by default. When content capture is on and the user set no count limit, the span attribute count limit
 * is raised to {@value #RAISED_SPAN_ATTRIBUTE_COUNT}. A value length limit the user set is kept; when it is below
 * genai-core's content budget, one warning says that the SDK will cut content attributes, JSON and all.
 */
public final class ContentAttributeLimits {

    /** The span attribute count limit used while content is captured, unless the user set one. */
    public static final int RAISED_SPAN_ATTRIBUTE_COUNT = 1024;

    static final String SPAN_ATTRIBUTE_COUNT = "otel.span.attribute.count.limit";
    static final String ATTRIBUTE_COUNT = "otel.attribute.count.limit";
    static final String SPAN_ATTRIBUTE_LENGTH = "otel.span.attribute.value.length.limit";
    static final String ATTRIBUTE_LENGTH = "otel.attribute.value.length.limit";

    private static final Logger LOGGER = Logger.getLogger(ContentAttributeLimits.class.getName());

    private ContentAttributeLimits() {}

    /**
     * The properties to add to {@code config}: none unless content capture is on and the user left the limit
     * unset. A properties customizer.
     */
    public static Map<String, String> raise(ConfigProperties config) {
        // genai-core's own reading of the same properties: the same modes, defaults and validation.
        GenAiSettings settings = GenAiSettings.from(config::getString, name -> null);
        if (!settings.enabled() || !settings.captureContent()) {
            return Map.of();
        }
        warnIfLengthCutsContent(config, settings.maxContentAttributesChars());
        if (config.getString(SPAN_ATTRIBUTE_COUNT) != null || config.getString(ATTRIBUTE_COUNT) != null) {
            return Map.of();
        }
        return Map.of(SPAN_ATTRIBUTE_COUNT, Integer.toString(RAISED_SPAN_ATTRIBUTE_COUNT));
    }

    private static void warnIfLengthCutsContent(ConfigProperties config, int contentBudget) {
        String key = config.getString(SPAN_ATTRIBUTE_LENGTH) != null ? SPAN_ATTRIBUTE_LENGTH : ATTRIBUTE_LENGTH;
        Integer length;
        try {
            length = config.getInt(key);
        } catch (RuntimeException invalid) {
            return; // the SDK reports an invalid limit itself
        }
        if (length != null && length >= 0 && length < contentBudget) {
            LOGGER.log(Level.WARNING, "{0}={1} is below the GenAI content budget of {2} characters"
                    + " ({3}): the SDK will cut long content attributes, which leaves their JSON invalid. Raise {0}"
                    + " or lower {3} to at most {1}.",
                    new Object[] {key, String.valueOf(length), String.valueOf(contentBudget),
                        GenAiProperties.MAX_CONTENT_ATTRIBUTES_CHARS});
        }
    }
}
