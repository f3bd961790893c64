package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_HIT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_SOURCE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the GenAI metrics of the conventions versions in use ({@link Semconv}) with their advised buckets: the
 * v0.1.0 inference and embeddings metrics ({@link CurrentMetrics}), the 1.41.0 client operation metrics
 * ({@link LegacyMetrics}), and the tool and agent metrics both versions name alike, recorded once; our own cache-lookup
 * counter and stream-throughput histogram under every version. Metric attributes stay low-cardinality: no response
 * ids, no dimension counts, no content.
 */
final class MetricsRecorder implements Recorder {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MAX_REMEMBERED = 256;

    private final CurrentMetrics current;
    private final LegacyMetrics legacy;
    private final DoubleHistogram operationDuration;
    private final DoubleHistogram toolDuration;
    private final DoubleHistogram agentDuration;
    private final LongHistogram agentInferenceCalls;
    private final LongHistogram agentToolCalls;
    private final DoubleHistogram workflowDuration;
    private final LongCounter cacheLookups;
    private final DoubleHistogram streamThroughput;
    private final Map<Dimensions, Points> remembered = new ConcurrentHashMap<>();
    private final long[] chunkBoundsNanos = ChunkTimings.upperBoundsNanos(
            GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK.bucketBoundaries());

    MetricsRecorder(Meter meter, Semconv semconv) {
        Instruments instruments = new Instruments(meter);
        current = semconv.current() ? new CurrentMetrics(instruments) : null;
        legacy = semconv.legacy() ? new LegacyMetrics(instruments) : null;
        operationDuration = instruments.doubles(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION);
        toolDuration = instruments.doubles(GenAiMetrics.GEN_AI_EXECUTE_TOOL_DURATION);
        agentDuration = instruments.doubles(GenAiMetrics.GEN_AI_INVOKE_AGENT_DURATION);
        agentInferenceCalls = instruments.longs(GenAiMetrics.GEN_AI_INVOKE_AGENT_INFERENCE_CALLS);
        agentToolCalls = instruments.longs(GenAiMetrics.GEN_AI_INVOKE_AGENT_TOOL_CALLS);
        workflowDuration = semconv.legacy() ? instruments.doubles(GenAiMetrics.GEN_AI_WORKFLOW_DURATION) : null;
        cacheLookups = instruments.counter(GenAiMetrics.GEN_AI_CLIENT_CACHE_LOOKUPS);
        streamThroughput = instruments.doubles(GenAiMetrics.GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND);
    }

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        record(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        record(op);
    }

    /** The chunk timing state of one stream: the attributes of its chunk points and the times between chunks. */
    record ChunkMetrics(Attributes attributes, ChunkTimings timings) {}

    /** Time to first chunk, recorded when the first chunk arrives. */
    void firstChunk(InferenceOperation op, long nowNanos) {
        InferenceRequest request = op.request;
        // A failure racing with the first chunk must not put error.type on the chunk points.
        Attributes attributes = points(new Dimensions(op.operationName(), request.providerName(), request.model(),
                request.serverAddress(), request.serverAddress() == null ? null : request.serverPort(), null, null))
                .duration();
        Slot.CHUNK_METRICS.set(op, new ChunkMetrics(attributes, new ChunkTimings(chunkBoundsNanos)));
        double seconds = (nowNanos - op.startNanos) / NANOS_PER_SECOND;
        if (current != null) {
            current.timeToFirstChunk.record(seconds, attributes, op.context);
        }
        if (legacy != null) {
            legacy.timeToFirstChunk.record(seconds, attributes, op.context);
        }
    }

    /** The time since the previous chunk; kept with the stream, recorded at its end. */
    void chunk(InferenceOperation op, long sinceLastNanos) {
        ChunkMetrics chunks = Slot.CHUNK_METRICS.get(op);
        if (chunks != null) {
            chunks.timings().add(sinceLastNanos);
        }
    }

    private void record(Operation<?, ?> op) {
        ChunkMetrics chunks = Slot.CHUNK_METRICS.get(op);
        if (chunks != null) {
            if (current != null) {
                chunks.timings().recordTo(current.timePerOutputChunk, chunks.attributes(), Context.root());
            }
            if (legacy != null) {
                chunks.timings().recordTo(legacy.timePerOutputChunk, chunks.attributes(), Context.root());
            }
        }
        op.recordMetrics(this, (op.endNanos - op.startNanos) / NANOS_PER_SECOND);
    }

    /** An inference ({@code chat}, {@code text_completion}, {@code generate_content}): duration and tokens. */
    void inference(Operation<?, ?> op, double seconds, Dimensions dimensions, TokenUsage usage) {
        Points points = points(dimensions);
        if (current != null) {
            Points successPoints = dimensions.errorType() == null ? points : points(dimensions.withoutError());
            current.inference(op, seconds, points, successPoints, usage);
        }
        if (legacy != null) {
            operationDuration.record(seconds, points.duration(), op.context);
            legacy.tokens(op, points, usage);
        }
    }

    /** An embeddings call: duration and input tokens. */
    void embeddings(Operation<?, ?> op, double seconds, Dimensions dimensions, Long inputTokens) {
        Points points = points(dimensions);
        if (current != null) {
            current.embeddings(op, seconds, points, inputTokens);
        }
        if (legacy != null) {
            operationDuration.record(seconds, points.duration(), op.context);
            legacy.tokens(op, points, inputTokens == null ? null : new TokenUsage(inputTokens, null, null, null, null));
        }
    }

    /**
     * Any other operation on a remote service ({@code create_agent}, {@code retrieval}, a remote agent,
     * {@code fetch_response}): {@code gen_ai.client.operation.duration}, which both versions name alike, and under
     * the 1.41.0 names the tokens it reports.
     */
    void clientOperation(Operation<?, ?> op, double seconds, Dimensions dimensions, TokenUsage usage) {
        Points points = points(dimensions);
        operationDuration.record(seconds, points.duration(), op.context);
        if (legacy != null) {
            legacy.tokens(op, points, usage);
        }
    }

    /** An in-process agent's duration and the inference and tool calls made under it. */
    void agentDuration(Operation<?, ?> op, double seconds, String agentName, String model) {
        AttributesBuilder attributes = Attributes.builder();
        put(attributes, GEN_AI_AGENT_NAME, agentName);
        Attributes counts = attributes.build();
        put(attributes, GEN_AI_REQUEST_MODEL, model);
        put(attributes, ERROR_TYPE, op.errorType);
        agentDuration.record(seconds, attributes.build(), op.context);
        agentInferenceCalls.record(op.inferenceCalls(), counts, op.context);
        agentToolCalls.record(op.toolCalls(), counts, op.context);
    }

    /** A tool execution's duration. */
    void toolDuration(Operation<?, ?> op, double seconds, ToolCall tool) {
        AttributesBuilder attributes = Attributes.builder();
        put(attributes, GEN_AI_TOOL_NAME, tool.name());
        put(attributes, GEN_AI_TOOL_TYPE, tool.type());
        put(attributes, GEN_AI_AGENT_NAME, tool.agentName());
        put(attributes, ERROR_TYPE, op.errorType);
        toolDuration.record(seconds, attributes.build(), op.context);
    }

    /**
     * A workflow's duration: v0.1.0 merged workflows into the in-process agent, so it is recorded on
     * {@code gen_ai.invoke_agent.duration} with {@code gen_ai.agent.name}; 1.41.0 on {@code gen_ai.workflow.duration}.
     */
    void workflowDuration(Operation<?, ?> op, double seconds, String workflowName) {
        if (current != null) {
            AttributesBuilder attributes = Attributes.builder();
            put(attributes, GEN_AI_AGENT_NAME, workflowName);
            put(attributes, ERROR_TYPE, op.errorType);
            agentDuration.record(seconds, attributes.build(), op.context);
        }
        if (legacy != null) {
            AttributesBuilder attributes = Attributes.builder();
            put(attributes, GEN_AI_WORKFLOW_NAME, workflowName);
            put(attributes, ERROR_TYPE, op.errorType);
            workflowDuration.record(seconds, attributes.build(), op.context);
        }
    }

    /**
     * A lookup of the application's cache in front of {@code op} (ours, under every conventions version): hit or miss,
     * the cache, and the operation, provider and requested model.
     */
    void cacheLookup(Operation<?, ?> op, boolean hit, String source) {
        AttributesBuilder attributes = Attributes.builder();
        attributes.put(GEN_AI_CACHE_HIT, hit);
        put(attributes, GEN_AI_CACHE_SOURCE, source);
        put(attributes, GEN_AI_OPERATION_NAME, op.operationName());
        put(attributes, GEN_AI_PROVIDER_NAME, op.providerName());
        put(attributes, GEN_AI_REQUEST_MODEL, op.requestModel());
        cacheLookups.add(1, attributes.build(), op.context);
    }

    /**
     * The output tokens per second of a successful stream (ours, under every conventions version), with the
     * attributes of its time-to-first-chunk point.
     */
    void streamThroughput(Operation<?, ?> op, double tokensPerSecond) {
        ChunkMetrics chunks = Slot.CHUNK_METRICS.get(op);
        if (chunks != null) {
            streamThroughput.record(tokensPerSecond, chunks.attributes(), op.context);
        }
    }

    /**
     * The attributes of the points of operations with these dimensions. Building and sorting them was most of a call's
     * metric cost, and the dimensions (models, servers) of one application are few: the attributes of the first
     * {@value #MAX_REMEMBERED} distinct dimensions are kept and shared, those of any more are built per call.
     */
    private Points points(Dimensions dimensions) {
        Points known = remembered.get(dimensions);
        if (known != null) {
            return known;
        }
        Points built = new Points(dimensions);
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.putIfAbsent(dimensions, built);
        }
        return built;
    }

    static void put(AttributesBuilder builder, AttributeKey<String> key, String value) {
        if (value != null) {
            builder.put(key, value);
        }
    }
}
