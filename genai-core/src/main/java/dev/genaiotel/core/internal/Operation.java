package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;

import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiOperation;
import dev.genaiotel.core.GenAiRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The state of one operation: its typed request, span, timing and outcome. Ends exactly once: the first of end and
 * fail wins atomically, later calls do nothing. What differs per kind is asked of its {@link OperationSpec}.
 *
 * @param <Q> the request description
 * @param <R> what the operation ends with
 */
public class Operation<Q extends GenAiRequest, R> implements GenAiOperation {

    /** Marks the context of an active agent invocation, whose inference and tool calls are counted. */
    static final ContextKey<Operation<?, ?>> ACTIVE_AGENT = ContextKey.named("dev.genaiotel.core.active-agent");

    /** The fallback {@code error.type} of the conventions. */
    static final String OTHER_ERROR = "_OTHER";

    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Operation> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "state");
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Operation> INFERENCE_CALLS =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "inferenceCalls");
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Operation> TOOL_CALLS =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "toolCalls");

    final Engine engine;
    final OperationSpec<Q, R> spec;
    final Q request;
    final int batchSize;
    private final Operation<?, ?> agent;

    private volatile int state;
    private volatile int inferenceCalls;
    private volatile int toolCalls;

    Span span = Span.getInvalid();
    Context context;
    long startNanos;
    private boolean clockStarted;
    long endNanos;
    R response;
    Throwable error;
    String errorType;

    private volatile boolean outcomeRecorded;
    private volatile R recordedOutcome;

    private Q requestViewSource;
    private Q requestView;
    private R responseViewSource;
    private R responseView;
    private RecordedContent recorded;
    private Object[] slots;

    Operation(Engine engine, OperationSpec<Q, R> spec, Q request, int batchSize, Operation<?, ?> agent) {
        this.engine = engine;
        this.spec = spec;
        this.request = request;
        this.batchSize = batchSize;
        this.agent = agent;
    }

    /** Starts the operation in {@code parent}: counts it under its agent and runs the pipeline's start. */
    void start(Context parent) {
        context = parent;
        if (agent != null) {
            if (spec.inference()) {
                INFERENCE_CALLS.incrementAndGet(agent);
            } else if (spec instanceof ToolSpec) {
                TOOL_CALLS.incrementAndGet(agent);
            }
        }
        engine.start(this);
        if (!clockStarted) {
            startNanos = nanoTime();
        }
    }

    /**
     * Called by the span recorder once the span exists. The clock for durations and time to first chunk starts here,
     * with the span, so that neither can exceed the span's own duration.
     */
    void spanStarted(Span started) {
        startNanos = nanoTime();
        clockStarted = true;
        span = started;
        context = contextWithSpan(context.with(started));
    }

    /** The context operations started under this one see: a new call, not the same inference; maybe an agent. */
    Context contextWithSpan(Context withSpan) {
        Context result = InferenceOperation.hideActiveInference(withSpan);
        return spec.countsCalls(request) ? result.with(ACTIVE_AGENT, this) : result;
    }

    /** Makes the span (and the active-operation markers) current; close the scope before returning. */
    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    /** The context holding the span, for callers that propagate it by hand (async work). */
    public Context context() {
        return context;
    }

    /** True once ended or failed. */
    public boolean isEnded() {
        return state != RUNNING;
    }

    /** Wins the race to end; false when the operation already ended. */
    final boolean claimEnd() {
        if (!STATE.compareAndSet(this, RUNNING, ENDED)) {
            return false;
        }
        endNanos = nanoTime();
        return true;
    }

    /** The engine's clock; the system's for the inert markers that have no engine. */
    final long nanoTime() {
        return engine == null ? System.nanoTime() : engine.nanoTime();
    }

    /** Ends successfully with {@code result} (null for an outcome that carries no value); no-op if already ended. */
    public void end(R result) {
        if (!claimEnd()) {
            return;
        }
        response = complete(result);
        engine.end(this);
    }

    /** Fails with {@code failure}; no-op if already ended. */
    public void fail(Throwable failure, String type) {
        if (!claimEnd()) {
            return;
        }
        error = failure;
        errorType = errorType(failure, type);
        response = completeFailed();
        engine.fail(this);
    }

    /** Keeps {@code outcome} for {@link #close()} to end with. */
    public void record(R outcome) {
        recordedOutcome = outcome;
        outcomeRecorded = true;
    }

    /**
     * Ends with the recorded outcome, else with what was streamed, else as failed with {@code _OTHER}: a try block
     * left with no outcome is most often an exception in flight.
     */
    public void close() {
        if (isEnded()) {
            return;
        }
        if (outcomeRecorded) {
            end(recordedOutcome);
        } else if (streamed()) {
            end(null);
        } else {
            fail(null, null);
        }
    }

    /** The outcome to record for a successful end; inferences merge what was streamed and what a nested layer saw. */
    R complete(R given) {
        return given;
    }

    /** The (partial) outcome to record for a failure. */
    R completeFailed() {
        return null;
    }

    /** The {@code error.type} of a failure given the provider's own type, which may be null or blank. */
    String errorType(Throwable failure, String type) {
        if (type != null && !type.isBlank()) {
            return type;
        }
        return failure != null ? failure.getClass().getName() : OTHER_ERROR;
    }

    /** True once a streamed chunk arrived. */
    public boolean streamed() {
        return false;
    }

    /** Time from the start of the operation to its first streamed chunk; meaningful only once {@link #streamed()}. */
    long timeToFirstChunkNanos() {
        return 0;
    }

    /**
     * Records a lookup of a cache the application keeps in front of this operation: on the span and on the lookup
     * counter, at once.
     */
    public void recordCacheLookup(boolean hit, String source) {
        engine.cacheLookup(this, hit, source);
    }

    /** Records an evaluation of this operation, parented to its span. */
    public void recordEvaluation(EvaluationResult result) {
        engine.recordEvaluation(result, context);
    }

    /** The request after enrichment by a nested layer. */
    Q effectiveRequest() {
        return request;
    }

    /** True when a nested layer added to the request after the span started. */
    boolean enriched() {
        return false;
    }

    boolean contentTruncated() {
        return false;
    }

    /**
     * The request as content may be seen by anyone: redacted when a redactor is configured. Redaction runs once per
     * request object, and only when asked for.
     */
    synchronized Q contentRequest() {
        Q current = effectiveRequest();
        ContentPolicy policy = engine.contentPolicy();
        if (!policy.redacts() || current == null) {
            return current;
        }
        if (requestViewSource != current) {
            requestView = spec.redactRequest(policy, operationName(), current);
            requestViewSource = current;
        }
        return requestView;
    }

    /** The outcome (also a failed inference's partial one) as content may be seen; see {@link #contentRequest}. */
    synchronized R contentResponse() {
        R current = response;
        ContentPolicy policy = engine.contentPolicy();
        if (!policy.redacts() || current == null) {
            return current;
        }
        if (responseViewSource != current) {
            responseView = spec.redactResponse(policy, operationName(), effectiveRequest(), current);
            responseViewSource = current;
        }
        return responseView;
    }

    /** The content attributes of this operation, redacted and within the budgets; computed once, at the end. */
    synchronized RecordedContent recordedContent() {
        if (recorded == null) {
            recorded = spec.content(contentRequest(), contentResponse(), engine.settings());
        }
        return recorded;
    }

    /** The conversation for the compatibility formats: recorded content, or the redacted lists unbudgeted. */
    Conversation conversation(boolean withContent) {
        Conversation view = spec.conversation(contentRequest(), contentResponse());
        if (view == null || !withContent) {
            return view;
        }
        RecordedContent content = recordedContent();
        return new Conversation(content.system, content.input, content.tools, content.output, view.finishReasons(),
                view.requestAttributes());
    }

    /** The span name, from the request as it was at start. */
    String spanName() {
        return spec.spanName(request);
    }

    SpanKind spanKind() {
        return spec.spanKind(request);
    }

    /** The request-side attributes: of the request at start, or of the effective (enriched) request. */
    void requestAttributes(AttributeSink sink, boolean effective) {
        spec.requestAttributes(effective ? effectiveRequest() : request, sink);
    }

    /** The outcome-side attributes, with {@code error.type} on failure. */
    void responseAttributes(AttributeSink sink) {
        spec.responseAttributes(this, response, sink);
        if (errorType != null) {
            sink.put(ERROR_TYPE, errorType);
        }
    }

    void recordMetrics(MetricsRecorder metrics, double seconds) {
        spec.recordMetrics(metrics, this, effectiveRequest(), seconds);
    }

    /** The {@code gen_ai.request.model} the span records, or null. */
    String requestModel() {
        return spec.requestModel(effectiveRequest());
    }

    /** The {@code gen_ai.provider.name} the span records, or null. */
    String providerName() {
        return spec.providerName(effectiveRequest());
    }

    /** What the cost is computed from, or null. */
    CostBasis costBasis() {
        return spec.costBasis(effectiveRequest(), response);
    }

    @SuppressWarnings("unchecked")
    final <T> T slot(Slot<T> slot) {
        Object[] values = slots;
        return values == null ? null : (T) values[slot.index];
    }

    final <T> void setSlot(Slot<T> slot, T value) {
        if (slots == null) {
            slots = new Object[Slot.count()];
        }
        slots[slot.index] = value;
    }

    @Override
    public String operationName() {
        return spec.operationName(request);
    }

    /** The request, its content redacted when a {@code ContentRedactor} is configured. */
    @Override
    public Q request() {
        return contentRequest();
    }

    /** The response, its content redacted when a {@code ContentRedactor} is configured. */
    @Override
    public Object response() {
        return errorType == null ? contentResponse() : null;
    }

    @Override
    public Throwable error() {
        return error;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public SpanContext spanContext() {
        return span.getSpanContext();
    }

    @Override
    public long durationNanos() {
        return isEnded() ? endNanos - startNanos : -1;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    int inferenceCalls() {
        return inferenceCalls;
    }

    int toolCalls() {
        return toolCalls;
    }
}
