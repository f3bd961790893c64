package dev.genaiotel.semconv;

/**
 * Event names of the GenAI semantic conventions. Events are log records carrying an event name; their content
 * attributes are recorded in structured form, never as JSON strings.
 */
public final class GenAiEvents {

    /** {@code gen_ai.client.inference.operation.details}: the details of one inference call; opt-in. */
    public static final String GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS = "gen_ai.client.inference.operation.details";

    /** {@code gen_ai.evaluation.result}: the result of evaluating a GenAI output, parented to the evaluated span. */
    public static final String GEN_AI_EVALUATION_RESULT = "gen_ai.evaluation.result";

    /** {@code gen_ai.client.operation.exception}: a failed GenAI client operation, recorded at severity WARN. */
    public static final String GEN_AI_CLIENT_OPERATION_EXCEPTION = "gen_ai.client.operation.exception";

    /**
     * {@code gen_ai.system.message}: one system message, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS}
     */
    @Deprecated
    public static final String GEN_AI_SYSTEM_MESSAGE = "gen_ai.system.message";

    /**
     * {@code gen_ai.user.message}: one user message, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS}
     */
    @Deprecated
    public static final String GEN_AI_USER_MESSAGE = "gen_ai.user.message";

    /**
     * {@code gen_ai.assistant.message}: one assistant message of the history, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS}
     */
    @Deprecated
    public static final String GEN_AI_ASSISTANT_MESSAGE = "gen_ai.assistant.message";

    /**
     * {@code gen_ai.tool.message}: one tool response message, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS}
     */
    @Deprecated
    public static final String GEN_AI_TOOL_MESSAGE = "gen_ai.tool.message";

    /**
     * {@code gen_ai.choice}: one choice of the response, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS}
     */
    @Deprecated
    public static final String GEN_AI_CHOICE = "gen_ai.choice";

    private GenAiEvents() {}
}
