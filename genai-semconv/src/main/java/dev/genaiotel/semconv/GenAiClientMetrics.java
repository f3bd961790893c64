package dev.genaiotel.semconv;

import dev.genaiotel.semconv.MetricDefinition.Instrument;
import java.util.List;

/**
 * The client inference and embeddings metrics that GenAI semantic conventions v0.1.0 introduce in place of
 * {@code gen_ai.client.token.usage} and, for these two families, {@code gen_ai.client.operation.*}. The metrics that
 * v0.1.0 keeps unchanged (server, agent, tool, {@code gen_ai.client.operation.duration} for other client operations)
 * stay in {@link GenAiMetrics}; {@link SemconvVersion#metrics()} lists the complete set of either version.
 *
 * <p>Attribute sets, written here as they are not carried by {@link MetricDefinition}. [A] is
 * {@code gen_ai.operation.name} (required), {@code gen_ai.provider.name} (required), {@code gen_ai.request.model}
 * (conditionally required: if available), {@code server.port} (conditionally required: if {@code server.address} is
 * set), {@code gen_ai.response.model} and {@code server.address} (recommended). With {@code gen_ai.provider.name}
 * {@code openai} the OpenAI refinements add {@code openai.response.service_tier} and
 * {@code openai.response.system_fingerprint} (recommended). The module README says which of these facts were read
 * from the v0.1.0 release itself and which from pre-release copies.
 */
public final class GenAiClientMetrics {

    /** Advised boundaries of the duration histograms, in seconds (unchanged from 1.41.0). */
    private static final List<Double> DURATION_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    /** Advised boundaries of the per-operation token histograms: powers of four from 1 to 4^13. */
    private static final List<Double> TOKEN_BUCKETS = List.of(
            1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0,
            16777216.0, 67108864.0);

    // ---------------------------------------------------------------------------------------------------------------
    // Inference (chat, text_completion, generate_content): durations.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.inference.duration}: one inference call, from issuing the request to the full response or
     * the error; equals the {@code gen_ai.client.inference} span's duration. Attributes: [A] plus {@code error.type}
     * (conditionally required: if the operation ended in an error). Replaces {@code gen_ai.client.operation.duration}
     * for inference.
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_DURATION = new MetricDefinition(
            "gen_ai.client.inference.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a GenAI client inference operation, until its response is complete or it fails.",
            DURATION_BUCKETS);

    /**
     * {@code gen_ai.client.inference.time_to_first_chunk}: streaming calls only, from issuing the request to the first
     * chunk. Attributes: [A], no {@code error.type}.
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK = new MetricDefinition(
            "gen_ai.client.inference.time_to_first_chunk",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time from issuing a streaming inference request to receiving the first chunk of its response.",
            DURATION_BUCKETS);

    /**
     * {@code gen_ai.client.inference.time_per_output_chunk}: streaming calls only, one point per chunk after the
     * first, from the end of the previous chunk to the end of this one. Attributes: [A], no {@code error.type}.
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK = new MetricDefinition(
            "gen_ai.client.inference.time_per_output_chunk",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Time from the end of the previous chunk to the end of the current one, for each chunk after the first.",
            DURATION_BUCKETS);

    // ---------------------------------------------------------------------------------------------------------------
    // Inference: token usage counters, one add per modality present (gen_ai.token.modality, required).
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.inference.usage.input_tokens}: monotonic sum of input tokens, cached ones included; the
     * billed count when the provider reports both. Attributes: [A] plus {@code gen_ai.token.modality} (required; see
     * {@link TokenModality}). Never for {@code fetch_response}.
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.usage.input_tokens",
            Instrument.LONG_COUNTER,
            "{token}",
            "Input tokens consumed by GenAI inference operations, cached tokens included.",
            List.of());

    /**
     * {@code gen_ai.client.inference.usage.output_tokens}: monotonic sum of output tokens, reasoning ones included.
     * Attributes: [A] plus {@code gen_ai.token.modality} (required).
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.usage.output_tokens",
            Instrument.LONG_COUNTER,
            "{token}",
            "Output tokens produced by GenAI inference operations, reasoning tokens included.",
            List.of());

    /**
     * {@code gen_ai.client.inference.usage.cache_read.input_tokens}: input tokens served from the provider's cache, a
     * subset of {@link #GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS}. Attributes: [A] plus
     * {@code gen_ai.token.modality} (required).
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.usage.cache_read.input_tokens",
            Instrument.LONG_COUNTER,
            "{token}",
            "Input tokens of GenAI inference operations that were read from the provider's cache.",
            List.of());

    /**
     * {@code gen_ai.client.inference.usage.cache_write.input_tokens}: input tokens written to the provider's cache, a
     * subset of {@link #GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS}. Attributes: [A] plus
     * {@code gen_ai.token.modality} (required).
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.usage.cache_write.input_tokens",
            Instrument.LONG_COUNTER,
            "{token}",
            "Input tokens of GenAI inference operations that were written to the provider's cache.",
            List.of());

    /**
     * {@code gen_ai.client.inference.usage.reasoning.output_tokens}: output tokens spent on reasoning, a subset of
     * {@link #GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS}. Attributes: [A] plus {@code gen_ai.token.modality}
     * (required).
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.usage.reasoning.output_tokens",
            Instrument.LONG_COUNTER,
            "{token}",
            "Output tokens of GenAI inference operations that were spent on reasoning.",
            List.of());

    // ---------------------------------------------------------------------------------------------------------------
    // Inference: per-operation token distributions (no modality: percentiles across modalities do not add up).
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.inference.operation.input_tokens}: input tokens of one inference operation, for
     * percentiles and outliers, not for totals. Attributes: [A]; no {@code gen_ai.token.modality}. Whether
     * {@code error.type} belongs here, and whether failed operations are recorded, differs between pre-release
     * copies (see the README).
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.operation.input_tokens",
            Instrument.LONG_HISTOGRAM,
            "{token}",
            "Input tokens used by one GenAI inference operation.",
            TOKEN_BUCKETS);

    /**
     * {@code gen_ai.client.inference.operation.output_tokens}: output tokens of one inference operation. Attributes
     * and caveats as {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS}.
     */
    public static final MetricDefinition GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.inference.operation.output_tokens",
            Instrument.LONG_HISTOGRAM,
            "{token}",
            "Output tokens produced by one GenAI inference operation.",
            TOKEN_BUCKETS);

    // ---------------------------------------------------------------------------------------------------------------
    // Embeddings.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.embeddings.duration}: one embeddings call; equals the {@code gen_ai.client.embeddings}
     * span's duration. Attributes: [A] with {@code gen_ai.operation.name} {@code embeddings}, plus {@code error.type}
     * (conditionally required: if the operation ended in an error). Replaces {@code gen_ai.client.operation.duration}
     * for embeddings.
     */
    public static final MetricDefinition GEN_AI_CLIENT_EMBEDDINGS_DURATION = new MetricDefinition(
            "gen_ai.client.embeddings.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of a GenAI client embeddings operation, until its response is complete or it fails.",
            DURATION_BUCKETS);

    /**
     * {@code gen_ai.client.embeddings.operation.input_tokens}: input tokens of one embeddings call, the billed count
     * when the provider reports both. Attributes: [A], no {@code error.type}, no modality. Replaces the
     * {@code gen_ai.client.token.usage} input points of embeddings; there is no embeddings counter.
     */
    public static final MetricDefinition GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS = new MetricDefinition(
            "gen_ai.client.embeddings.operation.input_tokens",
            Instrument.LONG_HISTOGRAM,
            "{token}",
            "Input tokens used by one GenAI embeddings operation.",
            TOKEN_BUCKETS);

    private static final List<MetricDefinition> ALL = List.of(
            GEN_AI_CLIENT_INFERENCE_DURATION,
            GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK,
            GEN_AI_CLIENT_INFERENCE_TIME_PER_OUTPUT_CHUNK,
            GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_WRITE_INPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_USAGE_REASONING_OUTPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS,
            GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS,
            GEN_AI_CLIENT_EMBEDDINGS_DURATION,
            GEN_AI_CLIENT_EMBEDDINGS_OPERATION_INPUT_TOKENS);

    private GenAiClientMetrics() {}

    /**
     * Every metric definition of this class, in declaration order.
     *
     * @return an unmodifiable list
     */
    public static List<MetricDefinition> all() {
        return ALL;
    }
}
