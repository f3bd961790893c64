package dev.genaiotel.autoconfigure.internal;

import java.util.List;
import java.util.Locale;

/** The {@code otel.instrumentation.genai.*} properties this module reads or passes on, and how it reads them. */
public final class GenAiProperties {

    /** The prefix of every genai-otel property. */
    public static final String PREFIX = "otel.instrumentation.genai.";
    /** The umbrella switch read by genai-core. */
    public static final String ENABLED = PREFIX + "enabled";
    /** The content capture mode read by genai-core. */
    public static final String CAPTURE = PREFIX + "capture-message-content";
    /** The characters of all content attributes of one span or event, read by genai-core. */
    public static final String MAX_CONTENT_ATTRIBUTES_CHARS = PREFIX + "max-content-attributes-chars";
    /**
     * Which versions of the GenAI conventions genai-core emits ({@code 0.1.0}, {@code 1.41.0} or both), read from the
     * resolved configuration like the other settings.
     */
    public static final String SEMCONV_VERSION = PREFIX + "semconv-version";
    /** Whether resolved settings are copied into system properties; see {@link SystemPropertyBridge}. */
    public static final String PUBLISH = PREFIX + "autoconfigure.publish-system-properties";

    /** Every setting genai-core reads from system properties and environment variables. */
    public static final List<String> CORE_SETTINGS = List.of(
            ENABLED,
            CAPTURE,
            SEMCONV_VERSION,
            PREFIX + "emit-event",
            PREFIX + "emit-exception-event",
            PREFIX + "max-content-chars",
            PREFIX + "tool-definition-details",
            PREFIX + "max-part-chars",
            MAX_CONTENT_ATTRIBUTES_CHARS,
            PREFIX + "blob-max-bytes",
            PREFIX + "compatibility-formats",
            PREFIX + "price-file",
            PREFIX + "completion-hook",
            PREFIX + "upload-base-path",
            PREFIX + "upload-format",
            PREFIX + "upload-max-queue-size");

    private GenAiProperties() {}

    /** The environment variable that stands for a dotted property name. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
