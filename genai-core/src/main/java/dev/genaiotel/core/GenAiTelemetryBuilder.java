package dev.genaiotel.core;

import dev.genaiotel.core.internal.CompletionHookLoader;
import dev.genaiotel.core.internal.Engine;
import dev.genaiotel.core.internal.EngineConfig;
import dev.genaiotel.core.internal.JavaAgentDetection;
import dev.genaiotel.core.internal.PriceFile;
import dev.genaiotel.core.internal.Services;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds a {@link GenAiTelemetry}. Settings come from system properties and environment variables
 * ({@link GenAiSettings}) unless set here: code wins over system property, which wins over environment.
 * Not thread-safe.
 */
public final class GenAiTelemetryBuilder {

    private static final Logger LOGGER = Logger.getLogger(GenAiTelemetryBuilder.class.getName());

    private final OpenTelemetry openTelemetry;
    private final List<GenAiListener> listeners = new ArrayList<>();
    private Function<String, String> systemProperties = System::getProperty;
    private Function<String, String> environment = System::getenv;
    private final List<ContentRedactor> redactors = new ArrayList<>();
    private final List<CompletionHook> completionHooks = new ArrayList<>();
    private final List<CompletionHookProvider> completionHookProviders = new ArrayList<>();
    private List<String> completionHookNames;
    private Set<CompatibilityFormat> compatibilityFormats;
    private PriceTable priceTable;
    private Set<SemconvVersion> semconvVersions;
    private boolean serviceLoaderListeners = true;
    private boolean serviceLoaderRedactors = true;
    private Boolean enabled;
    private ContentCapture contentCapture;
    private Boolean emitEvent;
    private Boolean emitExceptionEvent;
    private Integer maxContentChars;
    private Boolean toolDefinitionDetails;
    private Integer maxPartChars;
    private Integer maxContentAttributesChars;
    private Integer blobMaxBytes;
    private LongSupplier nanoClock;

    GenAiTelemetryBuilder(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** The umbrella switch ({@code OTEL_INSTRUMENTATION_GENAI_ENABLED}). */
    public GenAiTelemetryBuilder setEnabled(boolean value) {
        enabled = value;
        return this;
    }

    /** Where content is recorded ({@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}). */
    public GenAiTelemetryBuilder setContentCapture(ContentCapture value) {
        contentCapture = Objects.requireNonNull(value, "value");
        return this;
    }

    /** Whether {@code gen_ai.client.inference.operation.details} is emitted ({@code ..._EMIT_EVENT}). */
    public GenAiTelemetryBuilder setEmitEvent(boolean value) {
        emitEvent = value;
        return this;
    }

    /** Whether {@code gen_ai.client.operation.exception} is emitted on failures; off by default. */
    public GenAiTelemetryBuilder setEmitExceptionEvent(boolean value) {
        emitExceptionEvent = value;
        return this;
    }

    /** The bound on streamed content accumulated per inference, in characters. */
    public GenAiTelemetryBuilder setMaxContentChars(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxContentChars must be >= 0: " + value);
        }
        maxContentChars = value;
        return this;
    }

    /** Whether {@code gen_ai.tool.definitions} carries descriptions and parameters, not only type and name. */
    public GenAiTelemetryBuilder setToolDefinitionDetails(boolean value) {
        toolDefinitionDetails = value;
        return this;
    }

    /**
     * The characters kept of each text in recorded content ({@code OTEL_INSTRUMENTATION_GENAI_MAX_PART_CHARS});
     * a longer text is cut and marked.
     */
    public GenAiTelemetryBuilder setMaxPartChars(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxPartChars must be >= 1: " + value);
        }
        maxPartChars = value;
        return this;
    }

    /**
     * The characters of all content attributes of one span or event together
     * ({@code OTEL_INSTRUMENTATION_GENAI_MAX_CONTENT_ATTRIBUTES_CHARS}), so that content never pushes other attributes
     * over a backend's size limit.
     */
    public GenAiTelemetryBuilder setMaxContentAttributesChars(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxContentAttributesChars must be >= 1: " + value);
        }
        maxContentAttributesChars = value;
        return this;
    }

    /**
     * The largest blob recorded with its bytes ({@code OTEL_INSTRUMENTATION_GENAI_BLOB_MAX_BYTES}); 0, the default,
     * records no blob bytes.
     */
    public GenAiTelemetryBuilder setBlobMaxBytes(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("blobMaxBytes must be >= 0: " + value);
        }
        blobMaxBytes = value;
        return this;
    }

    /**
     * Adds a content redactor, run on all content before it is recorded or shown to listeners, after earlier
     * redactors and before the ones found by {@link ServiceLoader}.
     */
    public GenAiTelemetryBuilder addContentRedactor(ContentRedactor redactor) {
        redactors.add(Objects.requireNonNull(redactor, "redactor"));
        return this;
    }

    /**
     * Whether content redactors found by {@link ServiceLoader} are added (after the ones added here); on by
     * default.
     */
    public GenAiTelemetryBuilder setServiceLoaderContentRedactors(boolean value) {
        serviceLoaderRedactors = value;
        return this;
    }

    /**
     * Adds a completion hook, called at the end of every inference before the hooks selected by name; isolated like
     * every hook (see {@link CompletionHook}). {@link GenAiTelemetry#close()} closes it.
     */
    public GenAiTelemetryBuilder addCompletionHook(CompletionHook hook) {
        completionHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * The completion hooks to create by name, in this order, instead of those named by
     * {@code OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK} / {@code otel.instrumentation.genai.completion-hook}; each
     * name may itself be a comma-separated list. No names selects none.
     */
    public GenAiTelemetryBuilder setCompletionHooks(String... names) {
        completionHookNames = List.of(names);
        return this;
    }

    /**
     * Offers a completion hook provider besides those found by {@link ServiceLoader}, looked at first; it is used only
     * when its name is selected.
     */
    public GenAiTelemetryBuilder addCompletionHookProvider(CompletionHookProvider provider) {
        completionHookProviders.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * The older telemetry shapes to record as well, instead of those named by
     * {@code OTEL_INSTRUMENTATION_GENAI_COMPATIBILITY_FORMATS} /
     * {@code otel.instrumentation.genai.compatibility-formats}; an empty set records none. Off by default.
     */
    public GenAiTelemetryBuilder setCompatibilityFormats(Set<CompatibilityFormat> formats) {
        Objects.requireNonNull(formats, "formats");
        compatibilityFormats = formats.isEmpty() ? EnumSet.noneOf(CompatibilityFormat.class) : EnumSet.copyOf(formats);
        return this;
    }

    /** The older telemetry shapes to record as well; see {@link #setCompatibilityFormats(Set)}. */
    public GenAiTelemetryBuilder setCompatibilityFormats(CompatibilityFormat... formats) {
        return setCompatibilityFormats(Set.copyOf(Arrays.asList(formats)));
    }

    /**
     * The prices from which {@code gen_ai.usage.cost} and {@code gen_ai.client.usage.cost} are recorded, instead of
     * the price file named by {@code OTEL_INSTRUMENTATION_GENAI_PRICE_FILE} /
     * {@code otel.instrumentation.genai.price-file}. None by default: no cost is recorded.
     */
    public GenAiTelemetryBuilder setPriceTable(PriceTable value) {
        priceTable = Objects.requireNonNull(value, "value");
        return this;
    }

    /** Adds a listener, called after the built-in recorders and after earlier listeners. */
    public GenAiTelemetryBuilder addListener(GenAiListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Whether listeners found by {@link ServiceLoader} are added (after the ones added here); on by default. */
    public GenAiTelemetryBuilder setServiceLoaderListeners(boolean value) {
        serviceLoaderListeners = value;
        return this;
    }

    /**
     * Which versions of the GenAI semantic conventions are emitted
     * ({@code OTEL_INSTRUMENTATION_GENAI_SEMCONV_VERSION}): {@link SemconvVersion#V0_1_0} by default;
     * {@link SemconvVersion#V1_41_0} for exactly the names emitted before v0.1.0, for backends and dashboards that
     * have not moved; both during a migration, when one span carries the attributes of both and every metric and
     * event is recorded under both names with equal values.
     *
     * @param version a version to emit
     * @param more further versions to emit at the same time
     */
    public GenAiTelemetryBuilder setSemconvVersion(SemconvVersion version, SemconvVersion... more) {
        Set<SemconvVersion> versions = EnumSet.of(Objects.requireNonNull(version, "version"));
        for (SemconvVersion other : more) {
            versions.add(Objects.requireNonNull(other, "more"));
        }
        semconvVersions = versions;
        return this;
    }

    /**
     * Where settings not set in code are read from, instead of {@link System#getProperty(String)} and
     * {@link System#getenv(String)}; for tests.
     */
    public GenAiTelemetryBuilder setSettingsSources(
            Function<String, String> systemPropertySource, Function<String, String> environmentSource) {
        systemProperties = Objects.requireNonNull(systemPropertySource, "systemPropertySource");
        environment = Objects.requireNonNull(environmentSource, "environmentSource");
        return this;
    }

    /** The monotonic nanosecond clock operations are timed with: for tests that need known timings. */
    GenAiTelemetryBuilder setNanoClock(LongSupplier clock) {
        nanoClock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The telemetry. */
    public GenAiTelemetry build() {
        JavaAgentDetection.warnOnce();
        GenAiSettings read = GenAiSettings.from(systemProperties, environment, contentCapture);
        GenAiSettings settings = new GenAiSettings(
                enabled != null ? enabled : read.enabled(),
                read.contentCapture(),
                emitEvent != null ? emitEvent : read.emitEvent(),
                emitExceptionEvent != null ? emitExceptionEvent : read.emitExceptionEvent(),
                maxContentChars != null ? maxContentChars : read.maxContentChars(),
                toolDefinitionDetails != null ? toolDefinitionDetails : read.toolDefinitionDetails(),
                maxPartChars != null ? maxPartChars : read.maxPartChars(),
                maxContentAttributesChars != null ? maxContentAttributesChars : read.maxContentAttributesChars(),
                blobMaxBytes != null ? blobMaxBytes : read.blobMaxBytes());
        List<GenAiListener> all = new ArrayList<>(listeners);
        if (serviceLoaderListeners) {
            loadListeners(all);
        }
        List<ContentRedactor> allRedactors = new ArrayList<>(redactors);
        if (serviceLoaderRedactors) {
            loadRedactors(allRedactors);
        }
        List<CompletionHook> hooks = CompletionHookLoader.load(completionHooks, completionHookNames,
                completionHookProviders, openTelemetry, settings, systemProperties, environment);
        Set<CompatibilityFormat> formats = compatibilityFormats != null ? compatibilityFormats
                : CompatibilityFormat.parse(GenAiSettings.raw(systemProperties, environment,
                        GenAiSettings.COMPATIBILITY_FORMATS), GenAiSettings.origin(systemProperties, environment,
                        GenAiSettings.COMPATIBILITY_FORMATS));
        PriceTable prices = priceTable;
        String priceFile = prices != null ? null
                : GenAiSettings.raw(systemProperties, environment, GenAiSettings.PRICE_FILE);
        if (priceFile != null) {
            prices = PriceFile.fromSetting(priceFile,
                    GenAiSettings.origin(systemProperties, environment, GenAiSettings.PRICE_FILE));
        }
        Set<SemconvVersion> versions = semconvVersions != null ? semconvVersions
                : GenAiSettings.parseSemconvVersions(
                        GenAiSettings.raw(systemProperties, environment, GenAiSettings.SEMCONV_VERSION),
                        GenAiSettings.origin(systemProperties, environment, GenAiSettings.SEMCONV_VERSION));
        SharedSdkCheck.built(openTelemetry, settings.contentCapture());
        return new GenAiTelemetry(Engine.create(
                new EngineConfig(openTelemetry, settings, all, allRedactors, hooks, formats, prices, versions,
                        nanoClock)),
                openTelemetry);
    }

    /**
     * Adds the content redactors found by {@link ServiceLoader}. One that cannot be loaded fails closed: a redactor
     * that drops all content takes its place, so that content it was meant to redact is never recorded.
     */
    private static void loadRedactors(List<ContentRedactor> all) {
        Services.load(ContentRedactor.class, all, e -> {
            LOGGER.log(Level.SEVERE, "A ContentRedactor service could not be loaded; all message content is"
                    + " dropped rather than recorded without it", e);
            all.add((part, context) -> null);
        });
    }

    /**
     * Adds the listeners found by {@link ServiceLoader}. A provider that cannot be loaded is logged and skipped; the
     * loader then goes on to the next one (it promises a best effort after an error), bounded in case it cannot.
     */
    private static void loadListeners(List<GenAiListener> all) {
        Services.load(GenAiListener.class, all,
                e -> LOGGER.log(Level.WARNING, "A GenAiListener service could not be loaded; it is skipped", e));
    }
}
