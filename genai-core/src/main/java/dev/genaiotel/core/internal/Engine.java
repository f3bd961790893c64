package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.ContentRedactor;
import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiListener;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.PriceTable;
import dev.genaiotel.semconv.GenAiSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The recorder pipeline of one {@code GenAiTelemetry}: span, metrics, events, then user listeners, each isolated
 * from the others' failures.
 */
public final class Engine {

    private static final String VERSION = readVersion();

    private final GenAiSettings settings;
    private Recorder[] pipeline;
    private final MetricsRecorder metrics;
    private final EventRecorder events;
    private final FailureLog failures = new FailureLog();
    private final ContentPolicy contentPolicy;
    private CompletionHooks hooks = new CompletionHooks(List.of(), failures, false);
    private final boolean noop;
    private volatile boolean enabled;

    private Engine(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
            List<ContentRedactor> redactors) {
        this.settings = settings;
        this.contentPolicy = new ContentPolicy(redactors, settings, failures);
        this.enabled = settings.enabled();
        SpanRecorder spans = new SpanRecorder(openTelemetry.getTracerProvider()
                .tracerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build(), settings);
        this.metrics = new MetricsRecorder(openTelemetry.getMeterProvider()
                .meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build());
        this.events = new EventRecorder(openTelemetry.getLogsBridge()
                .loggerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(VERSION)
                .build(), settings);
        List<Recorder> recorders = new ArrayList<>();
        recorders.add(spans);
        recorders.add(metrics);
        recorders.add(events);
        for (GenAiListener listener : listeners) {
            recorders.add(new ListenerRecorder(listener));
        }
        this.pipeline = recorders.toArray(new Recorder[0]);
        this.noop = listeners.isEmpty() && isNoop(openTelemetry);
    }

    /**
     * The engine for an OpenTelemetry instance.
     *
     * @param openTelemetry the API entry point; a no-op instance makes every operation a pass-through
     * @param settings the settings
     * @param listeners user listeners, in order
     */
    public static Engine create(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners) {
        return create(openTelemetry, settings, listeners, List.of());
    }

    /**
     * The engine for an OpenTelemetry instance, with content redactors.
     *
     * @param openTelemetry the API entry point; a no-op instance makes every operation a pass-through
     * @param settings the settings
     * @param listeners user listeners, in order
     * @param redactors content redactors, in the order they run
     */
    public static Engine create(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
            List<ContentRedactor> redactors) {
        return new Engine(openTelemetry, settings, List.copyOf(listeners), List.copyOf(redactors));
    }

    /**
     * The engine for an OpenTelemetry instance, with content redactors and completion hooks.
     *
     * @param openTelemetry the API entry point; a no-op instance makes every operation a pass-through
     * @param settings the settings
     * @param listeners user listeners, in order
     * @param redactors content redactors, in the order they run
     * @param completionHooks completion hooks, in the order they are called at the end of every inference
     */
    public static Engine create(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
            List<ContentRedactor> redactors, List<CompletionHook> completionHooks) {
        Engine engine = create(openTelemetry, settings, listeners, redactors);
        engine.hooks = new CompletionHooks(List.copyOf(completionHooks), engine.failures,
                settings.toolDefinitionDetails());
        return engine;
    }

    /**
     * The engine for an OpenTelemetry instance, with content redactors, completion hooks, compatibility formats and a
     * price table.
     *
     * @param openTelemetry the API entry point; a no-op instance makes every operation a pass-through
     * @param settings the settings
     * @param listeners user listeners, in order
     * @param redactors content redactors, in the order they run
     * @param completionHooks completion hooks, in the order they are called at the end of every inference
     * @param compatibilityFormats the older telemetry shapes to record as well; empty for none
     * @param prices the prices from which cost is recorded, or null for none
     */
    public static Engine create(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
            List<ContentRedactor> redactors, List<CompletionHook> completionHooks,
            Set<CompatibilityFormat> compatibilityFormats, PriceTable prices) {
        Engine engine = create(openTelemetry, settings, listeners, redactors, completionHooks);
        engine.addCompatibilityAndCost(openTelemetry, Set.copyOf(compatibilityFormats), prices);
        return engine;
    }

    /**
     * Adds the recorders of the compatibility formats and of cost. Those that add span attributes at the end run
     * before the span recorder, which ends the span; the legacy events run after the events recorder.
     */
    private void addCompatibilityAndCost(OpenTelemetry openTelemetry, Set<CompatibilityFormat> formats,
            PriceTable prices) {
        List<Recorder> before = new ArrayList<>();
        if (formats.contains(CompatibilityFormat.FLATTENED_ATTRIBUTES)) {
            before.add(new FlattenedAttributesRecorder(settings));
        }
        if (formats.contains(CompatibilityFormat.LEGACY_SYSTEM_ATTRIBUTE)) {
            before.add(new LegacySystemAttributeRecorder());
        }
        if (prices != null) {
            before.add(new CostRecorder(openTelemetry.getMeterProvider()
                    .meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                    .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                    .setInstrumentationVersion(VERSION)
                    .build(), prices));
        }
        List<Recorder> recorders = new ArrayList<>(before);
        for (Recorder recorder : pipeline) {
            recorders.add(recorder);
            if (recorder == events && formats.contains(CompatibilityFormat.LEGACY_EVENTS)) {
                recorders.add(new LegacyEventsRecorder(openTelemetry.getLogsBridge()
                        .loggerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                        .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                        .setInstrumentationVersion(VERSION)
                        .build(), settings));
            }
        }
        pipeline = recorders.toArray(new Recorder[0]);
    }

    /** Flushes the completion hooks within {@code timeout}; false when any did not finish in time. */
    public boolean flush(Duration timeout) {
        return hooks.flush(timeout);
    }

    /** Flushes and closes the completion hooks. */
    public void close() {
        hooks.close();
    }

    private static boolean isNoop(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracerProvider().getClass() == TracerProvider.noop().getClass()
                && openTelemetry.getMeterProvider().getClass() == MeterProvider.noop().getClass()
                && openTelemetry.getLogsBridge().getClass() == LoggerProvider.noop().getClass();
    }

    /** The version of this module, as recorded in the instrumentation scope. */
    public static String version() {
        return VERSION;
    }

    /** True when operations are recorded: switched on, and the OpenTelemetry instance is not a no-op. */
    public boolean active() {
        return enabled && !noop;
    }

    /** The runtime umbrella switch. */
    public void setEnabled(boolean value) {
        enabled = value;
    }

    /** The umbrella switch's current state. */
    public boolean enabled() {
        return enabled;
    }

    /** The settings. */
    public GenAiSettings settings() {
        return settings;
    }

    ContentPolicy contentPolicy() {
        return contentPolicy;
    }

    /** True when content is needed: some signal records it, or a completion hook receives it. */
    public boolean captureContent() {
        return settings.captureContent() || hooks.active();
    }

    /**
     * Starts an inference in the current context. Inside an active inference of the same call it returns a nested
     * operation that only enriches the outer one.
     */
    public Operation startInference(InferenceRequest request, int batchSize) {
        Context parent = Context.current();
        Operation outer = parent.get(Operation.ACTIVE_INFERENCE);
        Operation op;
        if (outer != null && batchSize == 0 && !outer.isEnded()) {
            op = new Operation(this, Kind.INFERENCE, request, 0, outer, null);
        } else {
            op = new Operation(this, Kind.INFERENCE, request, batchSize, null, parent.get(Operation.ACTIVE_AGENT));
        }
        op.start(parent);
        return op;
    }

    /** Starts an operation of another kind in the current context. */
    public Operation start(Kind kind, Object request) {
        Context parent = Context.current();
        Operation op = new Operation(this, kind, request, 0, null, parent.get(Operation.ACTIVE_AGENT));
        op.start(parent);
        return op;
    }

    void start(Operation op) {
        for (Recorder recorder : pipeline) {
            try {
                recorder.onStart(op);
            } catch (Throwable failure) {
                failed(recorder, "start", failure);
            }
        }
    }

    void end(Operation op) {
        hooks.completed(op);
        for (Recorder recorder : pipeline) {
            try {
                recorder.onEnd(op);
            } catch (Throwable failure) {
                failed(recorder, "end", failure);
            }
        }
    }

    void fail(Operation op) {
        hooks.completed(op);
        for (Recorder recorder : pipeline) {
            try {
                recorder.onError(op);
            } catch (Throwable failure) {
                failed(recorder, "error", failure);
            }
        }
    }

    void firstChunk(Operation op, long nowNanos) {
        try {
            metrics.firstChunk(op, nowNanos);
        } catch (Throwable failure) {
            failed(metrics, "chunk", failure);
        }
    }

    /** Emits {@code gen_ai.evaluation.result} in the given context. */
    public void recordEvaluation(EvaluationResult result, Context context) {
        if (!active() || result == null) {
            return;
        }
        try {
            events.evaluation(result, context);
        } catch (Throwable failure) {
            failed(events, "evaluation", failure);
        }
    }

    /** Emits {@code gen_ai.evaluation.result} for an earlier span known by its ids. */
    public void recordEvaluation(EvaluationResult result, String traceId, String spanId) {
        SpanContext spanContext =
                SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
        recordEvaluation(result, spanContext.isValid() ? Context.root().with(Span.wrap(spanContext)) : Context.root());
    }

    void failed(Object source, String phase, Throwable failure) {
        failures.failed(source instanceof ListenerRecorder listener ? listener.listener : source, phase, failure);
    }

    private static String readVersion() {
        try (InputStream in = Engine.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
