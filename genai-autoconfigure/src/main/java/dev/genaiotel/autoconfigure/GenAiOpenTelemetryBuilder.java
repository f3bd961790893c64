package dev.genaiotel.autoconfigure;

import dev.genaiotel.autoconfigure.internal.GenAiProperties;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Builds a {@link GenAiOpenTelemetry}. Three layers of settings, lowest first:
 *
 * <ol>
 *   <li>defaults: the {@linkplain #setExportPreset(ExportPreset) preset}'s properties, then
 *       {@link #setDefaultProperty(String, String)};
 *   <li>the standard sources autoconfigure reads: {@code otel.*} system properties over {@code OTEL_*} environment
 *       variables, including {@code otel.instrumentation.genai.*};
 *   <li>what is set here in code: {@link #setServiceName(String)}, {@link #setContentCapture(ContentCapture)}, and
 *       the Coralogix preset's endpoint and token.
 * </ol>
 *
 * Not thread-safe.
 */
public final class GenAiOpenTelemetryBuilder {

    private String serviceName;
    private ExportPreset preset;
    private ContentCapture contentCapture;
    private boolean registerGlobal;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final List<Consumer<GenAiTelemetryBuilder>> genAiCustomizers = new ArrayList<>();
    private final List<SpanProcessor> spanProcessors = new ArrayList<>();
    private final List<LogRecordProcessor> logRecordProcessors = new ArrayList<>();
    private final List<MetricReader> metricReaders = new ArrayList<>();

    GenAiOpenTelemetryBuilder() {}

    /** The service name ({@code service.name}), over {@code OTEL_SERVICE_NAME}. */
    public GenAiOpenTelemetryBuilder setServiceName(String value) {
        serviceName = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Where telemetry goes; none by default, which leaves it to {@code OTEL_*_EXPORTER} and autoconfigure's defaults
     * (OTLP over {@code grpc}).
     */
    public GenAiOpenTelemetryBuilder setExportPreset(ExportPreset value) {
        preset = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Where message content is recorded, over {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}; off unless
     * set. With content on, the span attribute count limit is raised unless set
     * (see {@link GenAiAutoConfigurationCustomizerProvider}).
     */
    public GenAiOpenTelemetryBuilder setContentCapture(ContentCapture value) {
        contentCapture = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Whether the SDK becomes {@code GlobalOpenTelemetry}, and the resolved {@code otel.instrumentation.genai.*}
     * settings become system properties so that a {@code GenAiTelemetry} created later from
     * {@code GlobalOpenTelemetry.get()} uses them too. Off by default: pass {@link GenAiOpenTelemetry#genAiTelemetry()}
     * or {@link GenAiOpenTelemetry#openTelemetry()} explicitly. Building fails, and closes the SDK, when a global
     * instance is already set; under the OpenTelemetry Java agent use the agent's SDK instead of building one.
     */
    public GenAiOpenTelemetryBuilder setRegisterGlobal(boolean value) {
        registerGlobal = value;
        return this;
    }

    /**
     * A default for an autoconfigure property, such as {@code otel.metric.export.interval}: used unless the same
     * property is set as a system property or environment variable. Set after the preset, so it overrides the
     * preset's defaults.
     */
    public GenAiOpenTelemetryBuilder setDefaultProperty(String name, String value) {
        defaults.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adjusts the {@link GenAiTelemetry} before it is built: listeners, redactors, completion hooks, prices. Its
     * settings sources are the resolved autoconfigure properties; settings made here win over them.
     */
    public GenAiOpenTelemetryBuilder customizeGenAiTelemetry(Consumer<GenAiTelemetryBuilder> customizer) {
        genAiCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
        return this;
    }

    /**
     * A span processor added beside the configured exporters, such as one that keeps spans in memory for a test or a
     * demo. The SDK owns it from then on: closing {@link GenAiOpenTelemetry} shuts it down.
     */
    public GenAiOpenTelemetryBuilder addSpanProcessor(SpanProcessor processor) {
        spanProcessors.add(Objects.requireNonNull(processor, "processor"));
        return this;
    }

    /** A log record (event) processor added beside the configured exporters; see {@link #addSpanProcessor}. */
    public GenAiOpenTelemetryBuilder addLogRecordProcessor(LogRecordProcessor processor) {
        logRecordProcessors.add(Objects.requireNonNull(processor, "processor"));
        return this;
    }

    /** A metric reader added beside the configured exporters; see {@link #addSpanProcessor}. */
    public GenAiOpenTelemetryBuilder addMetricReader(MetricReader reader) {
        metricReaders.add(Objects.requireNonNull(reader, "reader"));
        return this;
    }

    /**
     * Configures the SDK and the GenAI telemetry.
     *
     * @throws IllegalStateException when the Coralogix preset has no token or endpoint, or when
     *     {@linkplain #setRegisterGlobal(boolean) registering globally} finds a global instance already set
     */
    public GenAiOpenTelemetry build() {
        Map<String, String> supplied = new LinkedHashMap<>();
        supplied.put(GenAiProperties.PUBLISH, Boolean.toString(registerGlobal));
        Map<String, String> overrides = new LinkedHashMap<>();
        Attributes presetAttributes = Attributes.empty();
        if (preset != null) {
            supplied.putAll(preset.defaults());
            overrides.putAll(preset.overrides());
            presetAttributes = preset.resourceAttributes();
        }
        supplied.putAll(defaults);
        if (serviceName != null) {
            overrides.put("otel.service.name", serviceName);
        }
        if (contentCapture != null) {
            overrides.put(GenAiProperties.CAPTURE, contentCapture.name());
        }
        Resource extra = Resource.create(presetAttributes);
        AtomicReference<ConfigProperties> resolved = new AtomicReference<>();
        AtomicReference<Resource> resource = new AtomicReference<>();
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> supplied)
                .addPropertiesCustomizer(config -> overrides)
                .addTracerProviderCustomizer((tracing, config) -> {
                    spanProcessors.forEach(tracing::addSpanProcessor);
                    return tracing;
                })
                .addLoggerProviderCustomizer((logging, config) -> {
                    logRecordProcessors.forEach(logging::addLogRecordProcessor);
                    return logging;
                })
                .addMeterProviderCustomizer((metering, config) -> {
                    metricReaders.forEach(metering::registerMetricReader);
                    return metering;
                })
                .addResourceCustomizer((base, config) -> {
                    Resource merged = base.merge(extra);
                    resolved.set(config);
                    resource.set(merged);
                    return merged;
                })
                .build()
                .getOpenTelemetrySdk();
        try {
            ConfigProperties config = resolved.get();
            GenAiTelemetryBuilder genAi = GenAiTelemetry.builder(sdk);
            if (config != null) { // null when otel.sdk.disabled=true: autoconfigure then resolves nothing
                genAi.setSettingsSources(config::getString, name -> null);
            }
            genAiCustomizers.forEach(customizer -> customizer.accept(genAi));
            GenAiTelemetry telemetry = genAi.build();
            if (registerGlobal) {
                GlobalOpenTelemetry.set(sdk);
            }
            String description = preset != null ? preset.toString() : "ExportPreset{from OTEL_* settings}";
            Resource built = resource.get() != null ? resource.get() : Resource.empty();
            return new GenAiOpenTelemetry(sdk, telemetry, built, description);
        } catch (RuntimeException | Error e) {
            sdk.close();
            throw e;
        }
    }
}
