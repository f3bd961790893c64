package dev.genaiotel.semconv;

import dev.genaiotel.semconv.MetricDefinition.Instrument;
import java.util.List;

/**
 * The metrics of the GenAI semantic conventions as the project emitted them before v0.1.0 (the 1.41.0 profile), with
 * the bucket boundaries they advise, plus metrics of our own (cost, dropped uploads, cache lookups, stream throughput),
 * which belong to every version. Bucket boundaries are advice: pass them to the histogram builder's
 * {@code setExplicitBucketBoundariesAdvice}.
 *
 * <p>The Javadoc of each metric that GenAI conventions v0.1.0 removed names its replacement in
 * {@link GenAiClientMetrics}; the others are part of both versions. {@link SemconvVersion#metrics()} lists the set of
 * each version. The removed ones are not annotated {@code @Deprecated} yet: the core records them for the 1.41.0
 * profile and the build fails on warnings.
 */
public final class GenAiMetrics {

    /** Advised boundaries of the duration histograms, in seconds. */
    private static final List<Double> DURATION_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    /** Advised boundaries of the agent invocation's inference-call and tool-call histograms. */
    private static final List<Double> AGENT_CALL_BUCKETS = List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0);

    // ---------------------------------------------------------------------------------------------------------------
    // Client metrics.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.token.usage}: input and output tokens per operation, one point per token type.
     *
     * <p>Not in GenAI conventions v0.1.0. Inference token usage goes to the counters
     * {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS} and
     * {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS} (plus the cache and reasoning counters)
     * and to the per-operation histograms {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS}
     * and {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS}; embeddings input tokens to
     * {@link GenAiClientMetrics#GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS}. Only the 1.41.0 profile emits it.
     */
    public static final MetricDefinition GEN_AI_CLIENT_TOKEN_USAGE = new MetricDefinition(
            "gen_ai.client.token.usage",
            Instrument.LONG_HISTOGRAM,
            "{token}",
            "Number of input and output tokens used by a GenAI operation.",
            List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0,
                    16777216.0, 67108864.0));

    /**
     * {@code gen_ai.client.operation.duration}: the duration of one provider-facing client operation. GenAI
     * conventions v0.1.0 keep it, but not for inference ({@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_DURATION})
     * or embeddings ({@link GenAiClientMetrics#GEN_AI_CLIENT_EMBEDDINGS_DURATION}).
     */
    public static final MetricDefinition GEN_AI_CLIENT_OPERATION_DURATION = new MetricDefinition(
            "gen_ai.client.operation.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a GenAI client operation.",
            DURATION_BUCKETS);

    /**
     * {@code gen_ai.client.operation.time_to_first_chunk}: time to the first chunk of a streamed response.
     *
     * <p>Renamed in GenAI conventions v0.1.0 to {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK};
     * only the 1.41.0 profile emits this name.
     */
    public static final MetricDefinition GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK = new MetricDefinition(
            "gen_ai.client.operation.time_to_first_chunk",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time from issuing a streaming request to receiving the first chunk of its response.",
            DURATION_BUCKETS);

    /**
     * {@code gen_ai.client.operation.time_per_output_chunk}: time between consecutive chunks of a stream.
     *
     * <p>Renamed in GenAI conventions v0.1.0 to
     * {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK}; only the 1.41.0 profile emits this
     * name.
     */
    public static final MetricDefinition GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK = new MetricDefinition(
            "gen_ai.client.operation.time_per_output_chunk",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time from the end of the previous chunk to the end of the current one, for each chunk after the first.",
            DURATION_BUCKETS);

    // ---------------------------------------------------------------------------------------------------------------
    // Server metrics (recorded by model servers, listed for completeness).
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.server.request.duration}: model-server request duration, to the last byte or token. */
    public static final MetricDefinition GEN_AI_SERVER_REQUEST_DURATION = new MetricDefinition(
            "gen_ai.server.request.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a GenAI server request, up to its last byte or output token.",
            DURATION_BUCKETS);

    /** {@code gen_ai.server.time_per_output_token}: time per output token after the first, successful responses. */
    public static final MetricDefinition GEN_AI_SERVER_TIME_PER_OUTPUT_TOKEN = new MetricDefinition(
            "gen_ai.server.time_per_output_token",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time per output token generated after the first one, for successful responses.",
            List.of(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5));

    /** {@code gen_ai.server.time_to_first_token}: queueing and prefill time, successful responses. */
    public static final MetricDefinition GEN_AI_SERVER_TIME_TO_FIRST_TOKEN = new MetricDefinition(
            "gen_ai.server.time_to_first_token",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time to generate the first output token, for successful responses.",
            List.of(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0));

    // ---------------------------------------------------------------------------------------------------------------
    // Workflow, agent and tool metrics.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.workflow.duration}: the duration of a workflow; equals its invoke_workflow span's.
     *
     * <p>Not in GenAI conventions v0.1.0, which records a workflow on {@link #GEN_AI_INVOKE_AGENT_DURATION} (operation
     * name {@code invoke_workflow}, its name in {@code gen_ai.agent.name}). Only the 1.41.0 profile emits it.
     */
    public static final MetricDefinition GEN_AI_WORKFLOW_DURATION = new MetricDefinition(
            "gen_ai.workflow.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a GenAI workflow coordinating several agents or operations.",
            List.of(1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0));

    /**
     * {@code gen_ai.invoke_agent.duration}: the duration of an in-process agent invocation; in GenAI conventions
     * v0.1.0 also of a workflow.
     */
    public static final MetricDefinition GEN_AI_INVOKE_AGENT_DURATION = new MetricDefinition(
            "gen_ai.invoke_agent.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of an in-process agent invocation, until its final response ends or it fails.",
            List.of(0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6));

    /** {@code gen_ai.invoke_agent.inference_calls}: model calls made by one agent invocation itself. */
    public static final MetricDefinition GEN_AI_INVOKE_AGENT_INFERENCE_CALLS = new MetricDefinition(
            "gen_ai.invoke_agent.inference_calls",
            Instrument.LONG_HISTOGRAM,
            "{inference_call}",
            "Number of model calls an agent issued during one invocation, failed ones included, sub-agents excluded.",
            AGENT_CALL_BUCKETS);

    /** {@code gen_ai.invoke_agent.tool_calls}: client-side tool calls made by one agent invocation itself. */
    public static final MetricDefinition GEN_AI_INVOKE_AGENT_TOOL_CALLS = new MetricDefinition(
            "gen_ai.invoke_agent.tool_calls",
            Instrument.LONG_HISTOGRAM,
            "{tool_call}",
            "Number of client-side tool calls an agent triggered during one invocation, sub-agents excluded.",
            AGENT_CALL_BUCKETS);

    /**
     * {@code gen_ai.execute_tool.duration}: the duration of one tool execution. The v0.1.0 metrics page no longer
     * lists it; the name is kept as {@code main} defines it (see the module README).
     */
    public static final MetricDefinition GEN_AI_EXECUTE_TOOL_DURATION = new MetricDefinition(
            "gen_ai.execute_tool.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a single tool execution.",
            DURATION_BUCKETS);

    // ---------------------------------------------------------------------------------------------------------------
    // Ours: not in the semantic conventions.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.usage.cost}: ours: the estimated cost of client operations, in the currency named by the
     * {@code gen_ai.usage.currency} attribute (hence the currency-neutral unit).
     */
    public static final MetricDefinition GEN_AI_CLIENT_USAGE_COST = new MetricDefinition(
            "gen_ai.client.usage.cost",
            Instrument.DOUBLE_COUNTER,
            "{cost}",
            "Estimated cost of GenAI client operations, in the currency given by gen_ai.usage.currency.",
            List.of());

    /** {@code gen_ai.upload.dropped}: ours: content uploads dropped because the upload queue was full. */
    public static final MetricDefinition GEN_AI_UPLOAD_DROPPED = new MetricDefinition(
            "gen_ai.upload.dropped",
            Instrument.LONG_COUNTER,
            "{upload}",
            "Number of content uploads dropped because the upload queue was full.",
            List.of());

    /**
     * {@code gen_ai.client.cache.lookups}: ours: lookups of a cache the application keeps in front of a model or data
     * source, recorded when the application reports one. Attributes: {@code gen_ai.cache.hit},
     * {@code gen_ai.cache.source}, {@code gen_ai.operation.name}, {@code gen_ai.provider.name},
     * {@code gen_ai.request.model}.
     */
    public static final MetricDefinition GEN_AI_CLIENT_CACHE_LOOKUPS = new MetricDefinition(
            "gen_ai.client.cache.lookups",
            Instrument.LONG_COUNTER,
            "{lookup}",
            "Number of lookups of a cache in front of a GenAI model or data source, by hit or miss.",
            List.of());

    /**
     * {@code gen_ai.client.stream.output_tokens_per_second}: ours: for each successful streamed inference that
     * reports output tokens, those tokens divided by the seconds from the first chunk to the end. Attributes: those of
     * the time-to-first-chunk points ({@code gen_ai.operation.name}, {@code gen_ai.provider.name},
     * {@code gen_ai.request.model}, {@code server.address}, {@code server.port}). Named outside the conventions'
     * {@code gen_ai.client.inference.*} namespace on purpose.
     */
    public static final MetricDefinition GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND = new MetricDefinition(
            "gen_ai.client.stream.output_tokens_per_second",
            Instrument.DOUBLE_HISTOGRAM,
            "{token}/s",
            "Output tokens per second of a streamed GenAI inference, from its first chunk to its end.",
            List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0));

    private static final List<MetricDefinition> ALL = List.of(
            GEN_AI_CLIENT_TOKEN_USAGE,
            GEN_AI_CLIENT_OPERATION_DURATION,
            GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
            GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
            GEN_AI_SERVER_REQUEST_DURATION,
            GEN_AI_SERVER_TIME_PER_OUTPUT_TOKEN,
            GEN_AI_SERVER_TIME_TO_FIRST_TOKEN,
            GEN_AI_WORKFLOW_DURATION,
            GEN_AI_INVOKE_AGENT_DURATION,
            GEN_AI_INVOKE_AGENT_INFERENCE_CALLS,
            GEN_AI_INVOKE_AGENT_TOOL_CALLS,
            GEN_AI_EXECUTE_TOOL_DURATION,
            GEN_AI_CLIENT_USAGE_COST,
            GEN_AI_UPLOAD_DROPPED,
            GEN_AI_CLIENT_CACHE_LOOKUPS,
            GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND);

    private GenAiMetrics() {}

    /**
     * Every metric definition of this class, semconv ones first, in declaration order.
     *
     * @return an unmodifiable list
     */
    public static List<MetricDefinition> all() {
        return ALL;
    }
}
