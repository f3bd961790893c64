package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_HIT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_SOURCE;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.AgentStep;
import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.ConversationContext;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiListener;
import dev.genaiotel.core.GenAiRequest;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.RetrievalRequest;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.core.WorkflowRequest;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.SemconvVersion;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.RetrievalDocument;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The recorder pipeline of one {@code GenAiTelemetry}, assembled once from an {@link EngineConfig} and immutable
 * after: the recorders that add span attributes at the end (compatibility attributes, cost), the span, metrics and
 * events, the legacy events, then user listeners, each isolated from the others' failures.
 */
public final class Engine {

    private final GenAiSettings settings;
    private final Semconv semconv;
    private final Set<SemconvVersion> semconvVersions;
    private final WorkflowSpec workflowSpec;
    private final Recorder[] pipeline;
    private final MetricsRecorder metrics;
    private final EventRecorder events;
    private final FailureLog failures = new FailureLog();
    private final ContentPolicy contentPolicy;
    private final CompletionHooks hooks;
    private final AgentSteps steps;
    private final LongSupplier nanoClock;
    private final boolean noop;
    private volatile boolean enabled;

    private Engine(EngineConfig config) {
        OpenTelemetry openTelemetry = config.openTelemetry();
        this.settings = config.settings();
        this.semconvVersions = config.semconvVersions();
        this.semconv = Semconv.of(semconvVersions);
        this.workflowSpec = WorkflowSpec.of(semconv);
        String schemaUrl = semconv.schemaUrl();
        this.contentPolicy = new ContentPolicy(config.redactors(), settings, failures);
        this.hooks = new CompletionHooks(config.completionHooks(), failures, settings.toolDefinitionDetails());
        this.steps = new AgentSteps(settings, contentPolicy);
        this.nanoClock = config.nanoClock();
        this.enabled = settings.enabled();
        this.metrics = new MetricsRecorder(InstrumentationScope.meter(openTelemetry, schemaUrl), semconv);
        this.events = new EventRecorder(InstrumentationScope.logger(openTelemetry, schemaUrl), settings, semconv);
        this.pipeline = pipeline(config, schemaUrl, metrics, events).toArray(new Recorder[0]);
        this.noop = config.listeners().isEmpty() && isNoop(openTelemetry);
    }

    /** The engine for a configuration. */
    public static Engine create(EngineConfig config) {
        return new Engine(config);
    }

    /**
     * The recorders in the order they run. Those that add span attributes at the end run before the span recorder,
     * which ends the span; the legacy events follow the events; user listeners come last and see everything done.
     */
    private static List<Recorder> pipeline(EngineConfig config, String schemaUrl, MetricsRecorder metrics,
            EventRecorder events) {
        OpenTelemetry openTelemetry = config.openTelemetry();
        GenAiSettings settings = config.settings();
        Set<CompatibilityFormat> formats = config.compatibilityFormats();
        List<Recorder> recorders = new ArrayList<>();
        if (formats.contains(CompatibilityFormat.FLATTENED_ATTRIBUTES)) {
            recorders.add(new FlattenedAttributesRecorder(settings));
        }
        if (formats.contains(CompatibilityFormat.LEGACY_SYSTEM_ATTRIBUTE)) {
            recorders.add(new LegacySystemAttributeRecorder());
        }
        if (config.prices() != null) {
            recorders.add(new CostRecorder(InstrumentationScope.meter(openTelemetry, schemaUrl), config.prices()));
        }
        recorders.add(new SpanRecorder(InstrumentationScope.tracer(openTelemetry, schemaUrl), settings));
        recorders.add(metrics);
        recorders.add(events);
        if (formats.contains(CompatibilityFormat.LEGACY_EVENTS)) {
            recorders.add(new LegacyEventsRecorder(InstrumentationScope.logger(openTelemetry, schemaUrl), settings));
        }
        for (GenAiListener listener : config.listeners()) {
            recorders.add(new ListenerRecorder(listener));
        }
        return recorders;
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
        return InstrumentationScope.version();
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

    /** The versions of the GenAI conventions emitted. */
    public Set<SemconvVersion> semconvVersions() {
        return semconvVersions;
    }

    Semconv semconv() {
        return semconv;
    }

    ContentPolicy contentPolicy() {
        return contentPolicy;
    }

    /**
     * The arguments of {@code call} as the content redactors leave them, in the context of an
     * {@code execute_tool} operation; null when a redactor dropped them.
     */
    public Object redactToolArguments(ToolCall call) {
        return contentPolicy.toolArguments(OperationName.EXECUTE_TOOL, call).arguments();
    }

    /** {@code result} of {@code call} as the content redactors leave it; null when a redactor dropped it. */
    public Object redactToolResult(ToolCall call, Object result) {
        return result == null ? null : contentPolicy.toolResult(OperationName.EXECUTE_TOOL, call, result);
    }

    /** True when content is needed: some signal records it, or a completion hook receives it. */
    public boolean captureContent() {
        return settings.captureContent() || hooks.active();
    }

    /**
     * Starts an inference in the current context. Inside an active inference of the same call it returns a nested
     * operation that only enriches the outer one.
     */
    public InferenceOperation startInference(InferenceRequest request, int batchSize) {
        Context parent = Context.current();
        if (request.conversationId() == null) {
            String conversation = ConversationContext.conversationId(parent);
            if (conversation != null) {
                request = request.toBuilder().conversationId(conversation).build();
            }
        }
        InferenceOperation outer = batchSize == 0 ? InferenceOperation.active(parent) : null;
        InferenceOperation op = outer != null
                ? new InferenceOperation(this, request, 0, outer, null)
                : new InferenceOperation(this, request, batchSize, null, parent.get(Operation.ACTIVE_AGENT));
        op.start(parent);
        return op;
    }

    /** Starts an embeddings call in the current context. */
    public Operation<EmbeddingsRequest, EmbeddingsResponse> startEmbeddings(EmbeddingsRequest request) {
        return start(EmbeddingsSpec.INSTANCE, request);
    }

    /** Starts a tool execution in the current context. */
    public Operation<ToolCall, Object> startToolExecution(ToolCall call) {
        return start(ToolSpec.INSTANCE, call);
    }

    /** Starts an agent invocation in the current context. */
    public AgentOperation startAgentInvocation(AgentRequest request) {
        Context parent = Context.current();
        AgentOperation op = new AgentOperation(this, request, parent.get(Operation.ACTIVE_AGENT));
        op.start(parent);
        return op;
    }

    /** Starts the creation of an agent in the current context. */
    public Operation<AgentRequest, String> startAgentCreation(AgentRequest request) {
        return start(AgentCreationSpec.INSTANCE, request);
    }

    /** Starts a workflow in the current context. */
    public Operation<WorkflowRequest, List<OutputMessage>> startWorkflow(WorkflowRequest request) {
        return start(workflowSpec, request);
    }

    /** Starts a retrieval in the current context. */
    public Operation<RetrievalRequest, List<RetrievalDocument>> startRetrieval(RetrievalRequest request) {
        return start(RetrievalSpec.INSTANCE, request);
    }

    private <Q extends GenAiRequest, R> Operation<Q, R> start(OperationSpec<Q, R> spec, Q request) {
        Context parent = Context.current();
        Operation<Q, R> op = new Operation<>(this, spec, request, 0, parent.get(Operation.ACTIVE_AGENT));
        op.start(parent);
        return op;
    }

    void start(Operation<?, ?> op) {
        for (Recorder recorder : pipeline) {
            try {
                recorder.onStart(op);
            } catch (Throwable failure) {
                failed(recorder, "start", failure);
            }
        }
    }

    void end(Operation<?, ?> op) {
        hooks.completed(op);
        for (Recorder recorder : pipeline) {
            try {
                recorder.onEnd(op);
            } catch (Throwable failure) {
                failed(recorder, "end", failure);
            }
        }
    }

    void fail(Operation<?, ?> op) {
        hooks.completed(op);
        for (Recorder recorder : pipeline) {
            try {
                recorder.onError(op);
            } catch (Throwable failure) {
                failed(recorder, "error", failure);
            }
        }
    }

    void firstChunk(InferenceOperation op, long nowNanos) {
        try {
            metrics.firstChunk(op, nowNanos);
        } catch (Throwable failure) {
            failed(metrics, "chunk", failure);
        }
    }

    void chunk(InferenceOperation op, long sinceLastNanos) {
        metrics.chunk(op, sinceLastNanos);
    }

    /** The monotonic time operations are timed with, in nanoseconds. */
    long nanoTime() {
        return nanoClock.getAsLong();
    }

    /** A step of an agent's loop: a span event on the agent's span. */
    void agentStep(AgentOperation op, AgentStep step) {
        try {
            steps.record(op, step);
        } catch (Throwable failure) {
            failed(steps, "step", failure);
        }
    }

    /** A lookup of the application's cache in front of {@code op}: span attributes and the lookup counter, now. */
    void cacheLookup(Operation<?, ?> op, boolean hit, String source) {
        try {
            Span span = op.span;
            if (!op.isEnded() && span.isRecording()) {
                span.setAttribute(GEN_AI_CACHE_HIT, hit);
                if (source != null) {
                    span.setAttribute(GEN_AI_CACHE_SOURCE, source);
                }
            }
            metrics.cacheLookup(op, hit, source);
        } catch (Throwable failure) {
            failed(metrics, "cache lookup", failure);
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
}
