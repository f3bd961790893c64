package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.token.type} ({@link GenAiAttributes#GEN_AI_TOKEN_TYPE}), the attribute that
 * splits {@code gen_ai.client.token.usage} into input and output points. The vocabulary is open.
 *
 * <p>Not in GenAI conventions v0.1.0, which removed {@code gen_ai.token.type}: the direction is in the metric name
 * (see {@link GenAiClientMetrics}) and the usage counters are split by {@link TokenModality}. Only the 1.41.0 profile
 * uses these values.
 */
public final class TokenType {

    /** {@code input}: input (prompt) tokens. */
    public static final String INPUT = "input";

    /** {@code output}: output (completion) tokens. */
    public static final String OUTPUT = "output";

    private TokenType() {}
}
