package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.token.type} ({@link GenAiAttributes#GEN_AI_TOKEN_TYPE}), the attribute that
 * splits {@code gen_ai.client.token.usage} into input and output points. The vocabulary is open.
 */
public final class TokenType {

    /** {@code input}: input (prompt) tokens. */
    public static final String INPUT = "input";

    /** {@code output}: output (completion) tokens. */
    public static final String OUTPUT = "output";

    private TokenType() {}
}
