package dev.genaiotel.core;

import dev.genaiotel.semconv.SemconvVersion;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings of the engine, read from system properties and environment variables (the README, "Configuration")
 * and overridden in code through {@link GenAiTelemetryBuilder}. Precedence: code, then system property,
 * then environment variable. An invalid value logs one warning and falls back to the default.
 *
 * <table>
 *   <caption>Sources</caption>
 *   <tr><th>environment</th><th>system property</th><th>values</th></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_ENABLED}</td><td>{@code otel.instrumentation.genai.enabled}</td>
 *       <td>{@code true} (default) / {@code false}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}</td>
 *       <td>{@code otel.instrumentation.genai.capture-message-content}</td>
 *       <td>{@link ContentCapture} names (any case), {@code true} (= {@code SPAN_ONLY}), {@code false}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT}</td><td>{@code otel.instrumentation.genai.emit-event}</td>
 *       <td>{@code true} / {@code false}; unset: on for {@code EVENT_ONLY} and {@code SPAN_AND_EVENT}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_EMIT_EXCEPTION_EVENT}</td>
 *       <td>{@code otel.instrumentation.genai.emit-exception-event}</td>
 *       <td>{@code gen_ai.client.operation.exception} on failures; default {@code false}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_CHARS}</td>
 *       <td>{@code otel.instrumentation.genai.max-content-chars}</td>
 *       <td>characters of streamed content accumulated per inference; default {@value #DEFAULT_MAX_CONTENT_CHARS}</td>
 *   </tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_TOOL_DEFINITION_DETAILS}</td>
 *       <td>{@code otel.instrumentation.genai.tool-definition-details}</td>
 *       <td>record tool descriptions and parameters in {@code gen_ai.tool.definitions}; default {@code false}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_MAX_PART_CHARS}</td>
 *       <td>{@code otel.instrumentation.genai.max-part-chars}</td>
 *       <td>characters kept of each text in recorded content, at least 1; default {@value #DEFAULT_MAX_PART_CHARS}
 *       </td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS}</td>
 *       <td>{@code otel.instrumentation.genai.max-content-attributes-chars}</td>
 *       <td>characters of all content attributes of one span or event together, at least 1; default
 *       {@value #DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_BLOB_MAX_BYTES}</td>
 *       <td>{@code otel.instrumentation.genai.blob-max-bytes}</td>
 *       <td>largest blob recorded with its bytes; larger ones are recorded without them; default {@code 0}
 *       (no blob bytes)</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_COMPATIBILITY_FORMATS}</td>
 *       <td>{@code otel.instrumentation.genai.compatibility-formats}</td>
 *       <td>comma-separated {@link CompatibilityFormat}s, any case ({@code flattened_attributes},
 *       {@code legacy_events}, {@code legacy_system}); default none. Read by {@link GenAiTelemetryBuilder}.</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION}</td>
 *       <td>{@code otel.instrumentation.genai.semconv-version}</td>
 *       <td>which GenAI conventions are emitted: {@code 0.1.0} (default), {@code 1.41.0} (the names emitted before
 *       v0.1.0), or both comma-separated ({@code 0.1.0,1.41.0}) during a migration. Read by
 *       {@link GenAiTelemetryBuilder}.</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_PRICE_FILE}</td><td>{@code otel.instrumentation.genai.price-file}</td>
 *       <td>a JSON price file ({@link PriceTable#fromJson(java.nio.file.Path)}) from which cost is recorded;
 *       default none. Read by {@link GenAiTelemetryBuilder}.</td></tr>
 * </table>
 *
 * <p>Redaction ({@link ContentRedactor}) runs before the budgets; both are described in the README ("Redaction and
 * budgets").
 *
 * @param enabled the umbrella switch; when false every factory returns a pass-through invocation
 * @param contentCapture where content goes
 * @param emitEvent whether {@code gen_ai.client.inference.operation.details} is emitted
 * @param emitExceptionEvent whether {@code gen_ai.client.operation.exception} is emitted on failure
 * @param maxContentChars the bound on streamed content accumulated per inference, at least 0
 * @param toolDefinitionDetails whether tool definitions carry description and parameters
 * @param maxPartChars the characters kept of each text in recorded content, at least 1
 * @param maxContentAttributesChars the characters of all content attributes of one span or event, at least 1
 * @param blobMaxBytes the largest blob recorded with its bytes, at least 0
 */
public record GenAiSettings(
        boolean enabled,
        ContentCapture contentCapture,
        boolean emitEvent,
        boolean emitExceptionEvent,
        int maxContentChars,
        boolean toolDefinitionDetails,
        int maxPartChars,
        int maxContentAttributesChars,
        int blobMaxBytes) {

    /** The default bound on accumulated streamed content: 1 MiB of characters. */
    public static final int DEFAULT_MAX_CONTENT_CHARS = 1 << 20;

    /** The default number of characters kept of each text in recorded content. */
    public static final int DEFAULT_MAX_PART_CHARS = 16_384;

    /** The default number of characters of all content attributes of one span or event together. */
    public static final int DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS = 65_536;

    /** The default largest blob recorded with its bytes: none. */
    public static final int DEFAULT_BLOB_MAX_BYTES = 0;

    static final String ENABLED = "otel.instrumentation.genai.enabled";
    static final String CAPTURE = "otel.instrumentation.genai.capture-message-content";
    static final String EMIT_EVENT = "otel.instrumentation.genai.emit-event";
    static final String EMIT_EXCEPTION_EVENT = "otel.instrumentation.genai.emit-exception-event";
    static final String MAX_CONTENT_CHARS = "otel.instrumentation.genai.max-content-chars";
    static final String TOOL_DEFINITION_DETAILS = "otel.instrumentation.genai.tool-definition-details";
    static final String MAX_PART_CHARS = "otel.instrumentation.genai.max-part-chars";
    static final String MAX_CONTENT_ATTRIBUTES_CHARS = "otel.instrumentation.genai.max-content-attributes-chars";
    static final String BLOB_MAX_BYTES = "otel.instrumentation.genai.blob-max-bytes";
    static final String COMPATIBILITY_FORMATS = "otel.instrumentation.genai.compatibility-formats";
    static final String PRICE_FILE = "otel.instrumentation.genai.price-file";
    static final String SEMCONV_VERSION = "otel.instrumentation.genai.semconv-version";

    private static final Logger LOGGER = Logger.getLogger(GenAiSettings.class.getName());

    /** Checks the fields. */
    public GenAiSettings {
        Objects.requireNonNull(contentCapture, "contentCapture");
        if (maxContentChars < 0) {
            throw new IllegalArgumentException("maxContentChars must be >= 0: " + maxContentChars);
        }
        if (maxPartChars < 1) {
            throw new IllegalArgumentException("maxPartChars must be >= 1: " + maxPartChars);
        }
        if (maxContentAttributesChars < 1) {
            throw new IllegalArgumentException("maxContentAttributesChars must be >= 1: " + maxContentAttributesChars);
        }
        if (blobMaxBytes < 0) {
            throw new IllegalArgumentException("blobMaxBytes must be >= 0: " + blobMaxBytes);
        }
    }

    /**
     * Settings with the default content budgets ({@link #DEFAULT_MAX_PART_CHARS},
     * {@link #DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS}, {@link #DEFAULT_BLOB_MAX_BYTES}).
     */
    public GenAiSettings(boolean enabled, ContentCapture contentCapture, boolean emitEvent,
            boolean emitExceptionEvent, int maxContentChars, boolean toolDefinitionDetails) {
        this(enabled, contentCapture, emitEvent, emitExceptionEvent, maxContentChars, toolDefinitionDetails,
                DEFAULT_MAX_PART_CHARS, DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS, DEFAULT_BLOB_MAX_BYTES);
    }

    /** The defaults: enabled, no content, no events. */
    public static GenAiSettings defaults() {
        return new GenAiSettings(true, ContentCapture.NO_CONTENT, false, false, DEFAULT_MAX_CONTENT_CHARS, false);
    }

    /** The settings of this process: {@link System#getProperty(String)} over {@link System#getenv(String)}. */
    public static GenAiSettings fromSystem() {
        return from(System::getProperty, System::getenv);
    }

    /**
     * Reads the settings from two sources, for example maps in tests.
     *
     * @param systemProperties looks up a system property by its dotted name; returns null when unset
     * @param environment looks up an environment variable by its upper-case name; returns null when unset
     */
    public static GenAiSettings from(
            Function<String, String> systemProperties, Function<String, String> environment) {
        return from(systemProperties, environment, null);
    }

    /**
     * Reads the settings with the content mode already chosen in code, when {@code captureInCode} is not null: the
     * capture-mode sources are then not read, and the event switch, when unset or invalid, defaults from the mode in
     * code (appendix A.1), so that every invalid value is reported once and falls back to the default that applies.
     */
    static GenAiSettings from(Function<String, String> systemProperties, Function<String, String> environment,
            ContentCapture captureInCode) {
        Source source = new Source(systemProperties, environment);
        boolean enabled = source.bool(ENABLED, true);
        ContentCapture capture = captureInCode != null ? captureInCode : source.capture();
        String emitRaw = source.raw(EMIT_EVENT);
        boolean emitEvent;
        if (emitRaw == null) {
            emitEvent = capture.onEvent();
        } else {
            Boolean parsed = parseBoolean(emitRaw);
            if (parsed == null) {
                warnInvalid(source.origin(EMIT_EVENT), emitRaw, "the default for " + capture);
                emitEvent = capture.onEvent();
            } else {
                emitEvent = parsed;
            }
        }
        boolean emitException = source.bool(EMIT_EXCEPTION_EVENT, false);
        int maxChars = source.nonNegativeInt(MAX_CONTENT_CHARS, DEFAULT_MAX_CONTENT_CHARS);
        boolean toolDetails = source.bool(TOOL_DEFINITION_DETAILS, false);
        int maxPartChars = source.positiveInt(MAX_PART_CHARS, DEFAULT_MAX_PART_CHARS);
        int maxAttributesChars = source.positiveInt(MAX_CONTENT_ATTRIBUTES_CHARS, DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS);
        int blobMaxBytes = source.nonNegativeInt(BLOB_MAX_BYTES, DEFAULT_BLOB_MAX_BYTES);
        return new GenAiSettings(enabled, capture, emitEvent, emitException, maxChars, toolDetails, maxPartChars,
                maxAttributesChars, blobMaxBytes);
    }

    /** True when content goes to span attributes. */
    public boolean captureOnSpan() {
        return contentCapture.onSpan();
    }

    /**
     * True when content goes to the {@code gen_ai.client.inference.operation.details} event: the mode allows it and
     * the event is emitted (appendix A.1: {@code EVENT_ONLY} with the event switched off records no content).
     */
    public boolean captureOnEvent() {
        return emitEvent && contentCapture.onEvent();
    }

    /** True when any content is recorded, so messages have to be encoded at all. */
    public boolean captureContent() {
        return captureOnSpan() || captureOnEvent();
    }

    /** A copy with the umbrella switch set. */
    public GenAiSettings withEnabled(boolean value) {
        return new GenAiSettings(value, contentCapture, emitEvent, emitExceptionEvent, maxContentChars,
                toolDefinitionDetails, maxPartChars, maxContentAttributesChars, blobMaxBytes);
    }

    static Boolean parseBoolean(String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return Boolean.TRUE;
        }
        if (value.equals("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    static ContentCapture parseCapture(String raw) {
        String value = raw.trim().toUpperCase(Locale.ROOT);
        switch (value) {
            case "TRUE":
                return ContentCapture.SPAN_ONLY;
            case "FALSE":
                return ContentCapture.NO_CONTENT;
            default:
                for (ContentCapture mode : ContentCapture.values()) {
                    if (mode.name().equals(value)) {
                        return mode;
                    }
                }
                return null;
        }
    }

    /**
     * The conventions versions a setting names: comma-separated version ids, blanks ignored. Null when unset; the
     * default (v0.1.0 alone) with one warning when any id is unknown.
     */
    static Set<SemconvVersion> parseSemconvVersions(String raw, String origin) {
        if (raw == null) {
            return null;
        }
        Set<SemconvVersion> versions = EnumSet.noneOf(SemconvVersion.class);
        for (String id : raw.split(",", -1)) {
            if (id.isBlank() && raw.contains(",")) {
                continue;
            }
            Optional<SemconvVersion> version = SemconvVersion.fromId(id);
            if (version.isEmpty()) {
                warnInvalid(origin, raw, SemconvVersion.V0_1_0.id());
                return EnumSet.of(SemconvVersion.V0_1_0);
            }
            versions.add(version.get());
        }
        return versions.isEmpty() ? EnumSet.of(SemconvVersion.V0_1_0) : versions;
    }

    static void warnInvalid(String origin, String value, String fallback) {
        LOGGER.log(Level.WARNING, "Invalid value ''{0}'' for {1}; using {2}", new Object[] {value, origin, fallback});
    }

    /**
     * The raw value of a setting that this record does not hold: the system property, else the environment
     * variable; null when unset or blank.
     */
    static String raw(Function<String, String> systemProperties, Function<String, String> environment,
            String property) {
        return new Source(systemProperties, environment).raw(property);
    }

    /** Where {@link #raw} found the value of {@code property}, for messages. */
    static String origin(Function<String, String> systemProperties, Function<String, String> environment,
            String property) {
        return new Source(systemProperties, environment).origin(property);
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static final class Source {
        private final Function<String, String> systemProperties;
        private final Function<String, String> environment;

        Source(Function<String, String> systemProperties, Function<String, String> environment) {
            this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        String raw(String property) {
            String value = blankToNull(systemProperties.apply(property));
            return value != null ? value : blankToNull(environment.apply(environmentName(property)));
        }

        String origin(String property) {
            return blankToNull(systemProperties.apply(property)) != null
                    ? "system property " + property
                    : "environment variable " + environmentName(property);
        }

        boolean bool(String property, boolean fallback) {
            String raw = raw(property);
            if (raw == null) {
                return fallback;
            }
            Boolean parsed = parseBoolean(raw);
            if (parsed == null) {
                warnInvalid(origin(property), raw, String.valueOf(fallback));
                return fallback;
            }
            return parsed;
        }

        int nonNegativeInt(String property, int fallback) {
            return atLeast(property, 0, fallback);
        }

        int positiveInt(String property, int fallback) {
            return atLeast(property, 1, fallback);
        }

        private int atLeast(String property, int minimum, int fallback) {
            String raw = raw(property);
            if (raw == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                if (value >= minimum) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the warning
            }
            warnInvalid(origin(property), raw, String.valueOf(fallback));
            return fallback;
        }

        ContentCapture capture() {
            String raw = raw(CAPTURE);
            if (raw == null) {
                return ContentCapture.NO_CONTENT;
            }
            ContentCapture parsed = parseCapture(raw);
            if (parsed == null) {
                warnInvalid(origin(CAPTURE), raw, ContentCapture.NO_CONTENT.name());
                return ContentCapture.NO_CONTENT;
            }
            return parsed;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
