package dev.genaiotel.ollama;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The Ollama-specific span attributes this module records, next to the GenAI semantic-convention ones. Ollama
 * has no provider document in the conventions, so these names are ours; they are only set on spans whose
 * {@code gen_ai.provider.name} is {@code ollama}. Durations are the server's own measurements, converted from
 * Ollama's nanoseconds to seconds, the conventions' unit for durations.
 */
public final class OllamaAttributes {

    /** {@code ollama.request.num_ctx}: the context window requested in {@code options.num_ctx}, in tokens. */
    public static final AttributeKey<Long> REQUEST_NUM_CTX = AttributeKey.longKey("ollama.request.num_ctx");

    /**
     * {@code ollama.request.repeat_penalty}: {@code options.repeat_penalty}, Ollama's repetition penalty, which is
     * neither a presence nor a frequency penalty.
     */
    public static final AttributeKey<Double> REQUEST_REPEAT_PENALTY =
            AttributeKey.doubleKey("ollama.request.repeat_penalty");

    /** {@code ollama.response.total_duration}: the server's time for the whole request, in seconds. */
    public static final AttributeKey<Double> RESPONSE_TOTAL_DURATION =
            AttributeKey.doubleKey("ollama.response.total_duration");

    /** {@code ollama.response.load_duration}: time spent loading the model, in seconds. */
    public static final AttributeKey<Double> RESPONSE_LOAD_DURATION =
            AttributeKey.doubleKey("ollama.response.load_duration");

    /** {@code ollama.response.prompt_eval_duration}: time spent evaluating the prompt, in seconds. */
    public static final AttributeKey<Double> RESPONSE_PROMPT_EVAL_DURATION =
            AttributeKey.doubleKey("ollama.response.prompt_eval_duration");

    /** {@code ollama.response.eval_duration}: time spent generating the answer, in seconds. */
    public static final AttributeKey<Double> RESPONSE_EVAL_DURATION =
            AttributeKey.doubleKey("ollama.response.eval_duration");

    private OllamaAttributes() {}
}
