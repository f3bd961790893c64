package dev.genaiotel.core.internal;

import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * An inference: streams (time to first chunk, chunk timings, accumulated deltas) and nests. An inference started
 * while another inference of the same call is current (a framework over an instrumented client) is nested: it records
 * nothing itself and, when it ends, fills in what the outer one lacks.
 */
public final class InferenceOperation extends Operation<InferenceRequest, InferenceResponse> {

    /** Marks the context of an active inference, so a nested inference of the same call enriches it. */
    static final ContextKey<InferenceOperation> ACTIVE_INFERENCE =
            ContextKey.named("dev.genaiotel.core.active-inference");

    /** Hides an outer inference from the operations started under another operation (already ended, so inert). */
    private static final InferenceOperation NO_INFERENCE = endedMarker();

    private final InferenceOperation outer;

    private StreamAccumulator accumulator;
    private long firstChunkNanos;
    private long lastChunkNanos;

    private volatile InferenceRequest innerRequest;
    private volatile InferenceResponse innerResponse;
    private volatile Throwable innerError;
    private volatile String innerErrorType;
    private volatile long innerFirstChunkNanos;

    InferenceOperation(Engine engine, InferenceRequest request, int batchSize, InferenceOperation outer,
            Operation<?, ?> agent) {
        super(engine, InferenceSpec.INSTANCE, request, batchSize, agent);
        this.outer = outer;
    }

    private static InferenceOperation endedMarker() {
        InferenceOperation marker = new InferenceOperation(null, null, 0, null, null);
        marker.claimEnd();
        return marker;
    }

    /** {@code context} without its active inference: what another kind of operation starts under. */
    static Context hideActiveInference(Context context) {
        InferenceOperation active = context.get(ACTIVE_INFERENCE);
        return active != null && active != NO_INFERENCE ? context.with(ACTIVE_INFERENCE, NO_INFERENCE) : context;
    }

    /** The inference of the same call already in progress in {@code context}, or null. */
    static InferenceOperation active(Context context) {
        InferenceOperation active = context.get(ACTIVE_INFERENCE);
        return active == null || active.isEnded() ? null : active;
    }

    @Override
    void start(Context parent) {
        if (outer != null) {
            context = parent;
            startNanos = nanoTime();
            return;
        }
        super.start(parent);
    }

    @Override
    Context contextWithSpan(Context withSpan) {
        return withSpan.with(ACTIVE_INFERENCE, this);
    }

    @Override
    public Scope makeCurrent() {
        return outer != null ? Scope.noop() : super.makeCurrent();
    }

    @Override
    public void end(InferenceResponse result) {
        if (outer == null) {
            super.end(result);
        } else if (claimEnd()) {
            response = complete(result);
            outer.enrich(request, response);
        }
    }

    @Override
    public void fail(Throwable failure, String type) {
        if (outer == null) {
            super.fail(failure, type);
        } else if (claimEnd()) {
            error = failure;
            errorType = errorType(failure, type);
            response = completeFailed();
            outer.enrichFailure(request, failure, type);
        }
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
        if (isEnded()) {
            return stream;
        }
        long now = nanoTime();
        if (firstChunkNanos == 0) {
            firstChunkNanos = now;
            if (outer == null) {
                engine.firstChunk(this, now);
            } else {
                outer.nestedChunk(now);
            }
        } else if (outer == null) {
            engine.chunk(this, now - lastChunkNanos);
        } else {
            outer.nestedChunk(now);
        }
        lastChunkNanos = now;
        return stream;
    }

    /**
     * A chunk seen only by the nested layer (the framework above it does not stream chunk by chunk): it times the
     * outer inference's stream, unless the outer layer times its own chunks.
     */
    private void nestedChunk(long now) {
        if (isEnded() || (firstChunkNanos != 0 && innerFirstChunkNanos == 0)) {
            return;
        }
        if (firstChunkNanos == 0) {
            firstChunkNanos = now;
            innerFirstChunkNanos = now;
            engine.firstChunk(this, now);
        } else {
            engine.chunk(this, now - lastChunkNanos);
        }
        lastChunkNanos = now;
    }

    @Override
    public boolean streamed() {
        return firstChunkNanos != 0;
    }

    @Override
    long timeToFirstChunkNanos() {
        return firstChunkNanos - startNanos;
    }

    @Override
    public void recordCacheLookup(boolean hit, String source) {
        if (outer != null) {
            outer.recordCacheLookup(hit, source);
        } else {
            super.recordCacheLookup(hit, source);
        }
    }

    @Override
    public void recordEvaluation(EvaluationResult result) {
        if (outer != null) {
            outer.recordEvaluation(result);
        } else {
            super.recordEvaluation(result);
        }
    }

    @Override
    public SpanContext spanContext() {
        return outer != null ? outer.spanContext() : super.spanContext();
    }

    @Override
    InferenceRequest effectiveRequest() {
        InferenceRequest inner = innerRequest;
        return inner != null ? request.orElse(inner) : request;
    }

    @Override
    boolean enriched() {
        return innerRequest != null;
    }

    @Override
    boolean contentTruncated() {
        return accumulator != null && accumulator.truncated();
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

    @Override
    String errorType(Throwable failure, String type) {
        return super.errorType(failure, type == null || type.isBlank() ? innerErrorTypeOf(failure) : type);
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

    @Override
    InferenceResponse complete(InferenceResponse given) {
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

    @Override
    InferenceResponse completeFailed() {
        return complete(null);
    }
}
