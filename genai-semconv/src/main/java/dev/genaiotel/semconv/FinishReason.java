package dev.genaiotel.semconv;

/**
 * Well-known finish reasons: the values of {@code gen_ai.response.finish_reasons}
 * ({@link GenAiAttributes#GEN_AI_RESPONSE_FINISH_REASONS}) and of an output message's {@code finish_reason}. The
 * vocabulary is open; {@link #normalize(String)} maps the providers' own stop reasons onto it.
 */
public final class FinishReason {

    /** {@code stop}: the model reached a natural end or a stop sequence. */
    public static final String STOP = "stop";

    /** {@code length}: generation hit a token limit or the context window. */
    public static final String LENGTH = "length";

    /** {@code content_filter}: content was withheld by a safety filter or guardrail. */
    public static final String CONTENT_FILTER = "content_filter";

    /** {@code tool_call}: the model asked for one or more tool calls (singular, unlike OpenAI's {@code tool_calls}). */
    public static final String TOOL_CALL = "tool_call";

    /** {@code compaction}: the model compacted the conversation. */
    public static final String COMPACTION = "compaction";

    /** {@code error}: generation started but ended in an error. */
    public static final String ERROR = "error";

    private FinishReason() {}

    /**
     * Maps a provider's stop reason onto the semconv values: OpenAI ({@code tool_calls}, {@code function_call}, and
     * the Responses API's {@code max_output_tokens}), Anthropic and Bedrock ({@code end_turn}, {@code tool_use},
     * {@code max_tokens}, {@code guardrail_intervened}, ...), Gemini ({@code STOP}, {@code SAFETY}, ...), Cohere
     * ({@code COMPLETE}, {@code TOOL_CALL}, ...) and Ollama ({@code load}, {@code unload}). Values that are already
     * semconv values, and values it does not know, are returned unchanged, since custom values are allowed.
     *
     * <p>Ollama's {@code load} and {@code unload} become {@code stop}: they report a request that completed normally
     * by loading or unloading the model without generating, which is neither a limit, a filter nor an error.
     *
     * @param providerReason the provider's finish reason; may be null
     * @return the semconv finish reason, {@code providerReason} itself if there is none, or null if it was null
     */
    public static String normalize(String providerReason) {
        if (providerReason == null) {
            return null;
        }
        return switch (providerReason) {
            case "end_turn", "stop_sequence", "STOP", "COMPLETE", "STOP_SEQUENCE", "load", "unload" -> STOP;
            case "max_tokens", "max_output_tokens", "model_context_window_exceeded", "MAX_TOKENS" -> LENGTH;
            case "guardrail_intervened", "content_filtered", "refusal",
                    "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" -> CONTENT_FILTER;
            case "tool_calls", "function_call", "tool_use", "TOOL_CALL" -> TOOL_CALL;
            case "MALFORMED_FUNCTION_CALL", "ERROR" -> ERROR;
            default -> providerReason;
        };
    }
}
