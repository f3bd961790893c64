package dev.genaiotel.semconv;

/**
 * Well-known values of a message's {@code role} in {@code gen_ai.input.messages} and {@code gen_ai.output.messages}
 * ({@link GenAiAttributes#GEN_AI_INPUT_MESSAGES}, {@link GenAiAttributes#GEN_AI_OUTPUT_MESSAGES}). The vocabulary is
 * open: any other role string may be used.
 */
public final class Role {

    /** {@code system}: a system (or developer) message inside the chat history. */
    public static final String SYSTEM = "system";

    /** {@code user}: a user message. */
    public static final String USER = "user";

    /** {@code assistant}: a model message. */
    public static final String ASSISTANT = "assistant";

    /** {@code tool}: a tool's response message. */
    public static final String TOOL = "tool";

    private Role() {}
}
