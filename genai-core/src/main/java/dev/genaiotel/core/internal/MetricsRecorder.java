package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.MetricDefinition;
import dev.genaiotel.semconv.TokenType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the GenAI metrics with their advised buckets. Metric attributes stay low-cardinality:
 * no response ids, no dimension counts, no content.
 */
final class MetricsRecorder implements Recorder {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MAX_REMEMBERED = 256;

    private final DoubleHistogram operationDuration;
    private final LongHistogram tokenUsage;
    private final DoubleHistogram timeToFirstChunk;
    private final DoubleHistogram timePerOutputChunk;
    private final DoubleHistogram toolDuration;
    private final DoubleHistogram agentDuration;
    private final LongHistogram agentInferenceCalls;
    private final LongHistogram agentToolCalls;
    private final DoubleHistogram workflowDuration;
    private final Map<Dimensions, Points> remembered = new ConcurrentHashMap<>();
    private final long[] chunkBoundsNanos = ChunkTimings.upperBoundsNanos(
            GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.bucketBoundaries());

    MetricsRecorder(Meter meter) {
        operationDuration = doubles(meter, GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION);
        tokenUsage = longs(meter, GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE);
        timeToFirstChunk = doubles(meter, GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK);
        timePerOutputChunk = doubles(meter, GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK);
        toolDuration = doubles(meter, GenAiMetrics.GEN_AI_EXECUTE_TOOL_DURATION);
        agentDuration = doubles(meter, GenAiMetrics.GEN_AI_INVOKE_AGENT_DURATION);
        agentInferenceCalls = longs(meter, GenAiMetrics.GEN_AI_INVOKE_AGENT_INFERENCE_CALLS);
        agentToolCalls = longs(meter, GenAiMetrics.GEN_AI_INVOKE_AGENT_TOOL_CALLS);
        workflowDuration = doubles(meter, GenAiMetrics.GEN_AI_WORKFLOW_DURATION);
    }

    private static DoubleHistogram doubles(Meter meter, MetricDefinition definition) {
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .setExplicitBucketBoundariesAdvice(definition.bucketBoundaries())
                .build();
    }

    private static LongHistogram longs(Meter meter, MetricDefinition definition) {
        List<Long> boundaries = new ArrayList<>(definition.bucketBoundaries().size());
        for (Double boundary : definition.bucketBoundaries()) {
            boundaries.add(boundary.longValue());
        }
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(boundaries)
                .build();
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
        timeToFirstChunk.record((nowNanos - op.startNanos) / NANOS_PER_SECOND, attributes, op.context);
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
            chunks.timings().recordTo(timePerOutputChunk, chunks.attributes(), Context.root());
        }
        op.recordMetrics(this, (op.endNanos - op.startNanos) / NANOS_PER_SECOND);
    }

    /** The duration and token usage of an operation on a remote service (inference, embeddings, agents, ...). */
    void clientOperation(Operation<?, ?> op, double seconds, String provider, String model, String serverAddress,
            Long serverPort, String responseModel, TokenUsage usage) {
        Points points = points(new Dimensions(op.operationName(), provider, model, serverAddress,
                serverAddress == null ? null : serverPort, responseModel, op.errorType));
        operationDuration.record(seconds, points.duration(), op.context);
        if (op.errorType == null && usage != null && AttributeWriter.reportsUsage(op.operationName())) {
            if (usage.inputTokens() != null) {
                tokenUsage.record(usage.inputTokens(), points.inputTokens(), op.context);
            }
            if (usage.outputTokens() != null) {
                tokenUsage.record(usage.outputTokens(), points.outputTokens(), op.context);
            }
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

    /** A workflow's duration. */
    void workflowDuration(Operation<?, ?> op, double seconds, String workflowName) {
        AttributesBuilder attributes = Attributes.builder();
        put(attributes, GEN_AI_WORKFLOW_NAME, workflowName);
        put(attributes, ERROR_TYPE, op.errorType);
        workflowDuration.record(seconds, attributes.build(), op.context);
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
        Points built = dimensions.points();
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.putIfAbsent(dimensions, built);
        }
        return built;
    }

    /** What a client operation's metric points are broken down by; every field but the operation may be null. */
    private record Dimensions(String operation, String provider, String model, String serverAddress,
            Long serverPort, String responseModel, String errorType) {

        Points points() {
            AttributesBuilder builder = Attributes.builder();
            builder.put(GEN_AI_OPERATION_NAME, operation);
            put(builder, GEN_AI_PROVIDER_NAME, provider);
            put(builder, GEN_AI_REQUEST_MODEL, model);
            put(builder, SERVER_ADDRESS, serverAddress);
            if (serverPort != null) {
                builder.put(SERVER_PORT, serverPort);
            }
            put(builder, GEN_AI_RESPONSE_MODEL, responseModel);
            put(builder, ERROR_TYPE, errorType);
            Attributes duration = builder.build();
            if (errorType != null) {
                return new Points(duration, null, null);
            }
            return new Points(duration, duration.toBuilder().put(GEN_AI_TOKEN_TYPE, TokenType.INPUT).build(),
                    duration.toBuilder().put(GEN_AI_TOKEN_TYPE, TokenType.OUTPUT).build());
        }
    }

    /** The attributes of the duration (and chunk) points and of the two token-usage points (none after an error). */
    private record Points(Attributes duration, Attributes inputTokens, Attributes outputTokens) {}

    private static void put(AttributesBuilder builder, AttributeKey<String> key, String value) {
        if (value != null) {
            builder.put(key, value);
        }
    }
}
