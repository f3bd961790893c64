package dev.genaiotel.core.internal;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiOperation;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The state of one operation: request, span, timing, outcome. Ends exactly once: the first of end and fail wins
 * atomically, later calls do nothing.
 */
public final class Operation implements GenAiOperation {

    /** Marks the context of an active inference, so a nested inference of the same call enriches it. */
    static final ContextKey<Operation> ACTIVE_INFERENCE = ContextKey.named("dev.genaiotel.core.active-inference");

    /** Marks the context of an active agent invocation, whose inference and tool calls are counted. */
    static final ContextKey<Operation> ACTIVE_AGENT = ContextKey.named("dev.genaiotel.core.active-agent");

    /** An outcome that carries no value, for {@code close()} to tell "ended with nothing" from "not recorded". */
    public static final Object NONE = new Object();

    /** The fallback {@code error.type} of the conventions. */
    static final String OTHER_ERROR = "_OTHER";

    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final AtomicIntegerFieldUpdater<Operation> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "state");
    private static final AtomicIntegerFieldUpdater<Operation> INFERENCE_CALLS =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "inferenceCalls");
    private static final AtomicIntegerFieldUpdater<Operation> TOOL_CALLS =
            AtomicIntegerFieldUpdater.newUpdater(Operation.class, "toolCalls");

    /** Hides an outer inference from the operations started under another operation (already ended, so inert). */
    private static final Operation NO_INFERENCE = endedMarker();

    final Engine engine;
    final Kind kind;
    final Object request;
    final int batchSize;
    final Operation outer;
    private final Operation agent;

    private volatile int state;
    private volatile int inferenceCalls;
    private volatile int toolCalls;

    Span span = Span.getInvalid();
    Context context;
    long startNanos;
    private boolean clockStarted;
    long endNanos;
    Object response;
    Throwable error;
    String errorType;

    StreamAccumulator accumulator;
    long firstChunkNanos;
    long lastChunkNanos;
    Attributes chunkMetricAttributes;
    ChunkTimings chunkTimings;

    private volatile InferenceRequest innerRequest;
    private volatile InferenceResponse innerResponse;
    private volatile Throwable innerError;
    private volatile String innerErrorType;

    private Object requestViewSource;
    private Object requestView;
    private Object responseViewSource;
    private Object responseView;
    private RecordedContent recorded;

    /** Attributes completion hooks add to the details event; null when none asked. */
    AttributesBuilder completionEventAttributes;

    Operation(Engine engine, Kind kind, Object request, int batchSize, Operation outer, Operation agent) {
        this.engine = engine;
        this.kind = kind;
        this.request = request;
        this.batchSize = batchSize;
        this.outer = outer;
        this.agent = agent;
    }

    private static Operation endedMarker() {
        Operation marker = new Operation(null, Kind.INFERENCE, null, 0, null, null);
        marker.state = ENDED;
        return marker;
    }

    /** Starts the operation in the current context. */
    void start(Context parent) {
        context = parent;
        if (outer != null) {
            startNanos = System.nanoTime();
            return;
        }
        if (agent != null) {
            if (kind == Kind.INFERENCE) {
                INFERENCE_CALLS.incrementAndGet(agent);
            } else if (kind == Kind.EXECUTE_TOOL) {
                TOOL_CALLS.incrementAndGet(agent);
            }
        }
        engine.start(this);
        if (!clockStarted) {
            startNanos = System.nanoTime();
        }
    }

    /**
     * Called by the span recorder once the span exists. The clock for durations and time to first chunk starts here,
     * with the span, so that neither can exceed the span's own duration.
     */
    void spanStarted(Span started) {
        startNanos = System.nanoTime();
        clockStarted = true;
        span = started;
        Context withSpan = context.with(started);
        if (kind == Kind.INFERENCE) {
            withSpan = withSpan.with(ACTIVE_INFERENCE, this);
        } else {
            // Any other operation started inside an inference (a tool it runs, an agent) begins a new call: an
            // inference started under it is not the same call as the outer inference and gets its own span.
            Operation activeInference = withSpan.get(ACTIVE_INFERENCE);
            if (activeInference != null && activeInference != NO_INFERENCE) {
                withSpan = withSpan.with(ACTIVE_INFERENCE, NO_INFERENCE);
            }
            if (kind == Kind.INVOKE_AGENT) {
                withSpan = withSpan.with(ACTIVE_AGENT, this);
            }
        }
        context = withSpan;
    }

    /** Makes the span (and the active-operation markers) current; close the scope before returning. */
    public Scope makeCurrent() {
        if (outer != null) {
            return Scope.noop();
        }
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

    /** Ends successfully with {@code result}; no-op if already ended. */
    public void end(Object result) {
        if (!STATE.compareAndSet(this, RUNNING, ENDED)) {
            return;
        }
        endNanos = System.nanoTime();
        if (result == NONE) {
            result = null;
        }
        if (kind == Kind.INFERENCE) {
            result = completeInference((InferenceResponse) result);
        }
        response = result;
        if (outer != null) {
            outer.enrich((InferenceRequest) request, (InferenceResponse) result);
            return;
        }
        engine.end(this);
    }

    /** Fails with {@code failure}; no-op if already ended. */
    public void fail(Throwable failure, String type) {
        if (!STATE.compareAndSet(this, RUNNING, ENDED)) {
            return;
        }
        endNanos = System.nanoTime();
        error = failure;
        errorType = errorType(failure, type == null || type.isBlank() ? innerErrorTypeOf(failure) : type);
        if (kind == Kind.INFERENCE) {
            response = completeInference(null);
        }
        if (outer != null) {
            outer.enrichFailure((InferenceRequest) request, failure, type);
            return;
        }
        engine.fail(this);
    }

    /** The stream's accumulator, created on first use; no chunk is timed. */
    public StreamAccumulator accumulator() {
        StreamAccumulator stream = accumulator;
        if (stream == null) {
            GenAiSettings settings = engine.settings();
            stream = new StreamAccumulator(engine.captureContent(), settings.maxContentChars(),
                    settings.blobMaxBytes());
            accumulator = stream;
        }
        return stream;
    }

    /** A streamed chunk arrived: times it. Allocation-free after the first chunk. */
    public StreamAccumulator chunk() {
        StreamAccumulator stream = accumulator();
        if (state != RUNNING) {
            return stream;
        }
        long now = System.nanoTime();
        if (outer == null) {
            if (firstChunkNanos == 0) {
                firstChunkNanos = now;
                engine.firstChunk(this, now);
            } else if (chunkTimings != null) {
                chunkTimings.add(now - lastChunkNanos);
            }
        } else if (firstChunkNanos == 0) {
            firstChunkNanos = now;
        }
        lastChunkNanos = now;
        return stream;
    }

    /** Records an evaluation of this operation, parented to its span. */
    public void recordEvaluation(EvaluationResult result) {
        Operation owner = outer != null ? outer : this;
        owner.engine.recordEvaluation(result, owner.context);
    }

    /** The request after enrichment by a nested layer. */
    Object effectiveRequest() {
        InferenceRequest inner = innerRequest;
        if (inner != null && request instanceof InferenceRequest own) {
            return own.orElse(inner);
        }
        return request;
    }

    boolean enriched() {
        return innerRequest != null;
    }

    /** True once a chunk arrived. */
    public boolean streamed() {
        return firstChunkNanos != 0;
    }

    private void enrich(InferenceRequest nestedRequest, InferenceResponse nestedResponse) {
        if (isEnded()) {
            return;
        }
        if (innerRequest == null) {
            innerRequest = nestedRequest;
        }
        if (innerResponse == null) {
            innerResponse = nestedResponse;
        }
    }

    /** A nested layer failed: keep its request (server, provider details) and its error type for this failure. */
    private void enrichFailure(InferenceRequest nestedRequest, Throwable nestedError, String nestedType) {
        if (isEnded()) {
            return;
        }
        if (innerRequest == null) {
            innerRequest = nestedRequest;
        }
        if (innerErrorType == null && nestedType != null && !nestedType.isBlank()) {
            innerError = nestedError;
            innerErrorType = nestedType;
        }
    }

    /** The nested layer's error type when this failure is the nested one's or caused by it. */
    private String innerErrorTypeOf(Throwable failure) {
        String type = innerErrorType;
        Throwable inner = innerError;
        if (type == null || inner == null) {
            return null;
        }
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current == inner) {
                return type;
            }
            current = current.getCause();
        }
        return null;
    }

    private InferenceResponse completeInference(InferenceResponse given) {
        InferenceResponse result = given == null ? InferenceResponse.empty() : given;
        try {
            if (accumulator != null) {
                result = result.orElse(accumulator.toResponse());
            }
            InferenceResponse inner = innerResponse;
            if (inner != null) {
                result = result.orElse(inner);
            }
        } catch (RuntimeException failure) {
            engine.failed(this, "merge", failure);
        }
        return result;
    }

    private static String errorType(Throwable failure, String type) {
        if (type != null && !type.isBlank()) {
            return type;
        }
        return failure != null ? failure.getClass().getName() : OTHER_ERROR;
    }

    boolean contentTruncated() {
        return accumulator != null && accumulator.truncated();
    }

    /**
     * The request as content may be seen by anyone: redacted when a redactor is configured. Redaction runs once per
     * request object, and only when asked for.
     */
    synchronized Object contentRequest() {
        Object current = effectiveRequest();
        ContentPolicy policy = engine.contentPolicy();
        if (!policy.redacts() || current == null) {
            return current;
        }
        if (requestViewSource != current) {
            requestView = policy.request(kind, operationName(), current);
            requestViewSource = current;
        }
        return requestView;
    }

    /** The outcome (also a failed inference's partial one) as content may be seen; see {@link #contentRequest}. */
    synchronized Object contentResponse() {
        Object current = response;
        ContentPolicy policy = engine.contentPolicy();
        if (!policy.redacts() || current == null) {
            return current;
        }
        if (responseViewSource != current) {
            ToolCall call = kind == Kind.EXECUTE_TOOL ? (ToolCall) request : null;
            responseView = policy.response(kind, operationName(), call, current);
            responseViewSource = current;
        }
        return responseView;
    }

    /** The content attributes of this operation, redacted and within the budgets; computed once, at the end. */
    synchronized RecordedContent recordedContent() {
        if (recorded == null) {
            recorded = engine.contentPolicy().record(kind, contentRequest(), contentResponse());
        }
        return recorded;
    }

    @Override
    public String operationName() {
        switch (kind) {
            case INFERENCE:
                return ((InferenceRequest) request).operationName();
            case EMBEDDINGS:
                return OperationName.EMBEDDINGS;
            case EXECUTE_TOOL:
                return OperationName.EXECUTE_TOOL;
            case INVOKE_AGENT:
                return OperationName.INVOKE_AGENT;
            case CREATE_AGENT:
                return OperationName.CREATE_AGENT;
            case INVOKE_WORKFLOW:
                return OperationName.INVOKE_WORKFLOW;
            default:
                return OperationName.RETRIEVAL;
        }
    }

    /** The request, its content redacted when a {@code ContentRedactor} is configured. */
    @Override
    public Object request() {
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
        return outer != null ? outer.spanContext() : span.getSpanContext();
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

    boolean remoteAgent() {
        return request instanceof AgentRequest agentRequest && agentRequest.remote();
    }
}
