package dev.genaiotel.semconv;

import io.opentelemetry.api.logs.Severity;

/**
 * Event names of the GenAI semantic conventions, and the {@link EventDefinition}s (name, severity, opt-in) each
 * {@link SemconvVersion} records them with. Events are log records carrying an event name; their content attributes
 * are recorded in structured form, never as JSON strings.
 *
 * <p>Exception events per operation family: the 1.41.0 profile records every failure as
 * {@link #GEN_AI_CLIENT_OPERATION_EXCEPTION}; v0.1.0 records inference failures as
 * {@link #GEN_AI_CLIENT_INFERENCE_EXCEPTION} (see {@link SemconvVersion#exceptionEvent(String)}). All exception events
 * carry no body, {@code exception.type} (required without a message), {@code exception.message} (required without a
 * type) and {@code exception.stacktrace} (recommended).
 */
public final class GenAiEvents {

    /** {@code gen_ai.client.inference.operation.details}: the details of one inference call; opt-in. */
    public static final String GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS = "gen_ai.client.inference.operation.details";

    /** {@code gen_ai.evaluation.result}: the result of evaluating a GenAI output, parented to the evaluated span. */
    public static final String GEN_AI_EVALUATION_RESULT = "gen_ai.evaluation.result";

    /**
     * {@code gen_ai.client.operation.exception}: a failed GenAI client operation, recorded at severity WARN. In v0.1.0
     * no longer for inference ({@link #GEN_AI_CLIENT_INFERENCE_EXCEPTION}); whether v0.1.0 keeps it for embeddings and
     * the other client operations is unconfirmed (pre-release copies do).
     */
    public static final String GEN_AI_CLIENT_OPERATION_EXCEPTION = "gen_ai.client.operation.exception";

    /**
     * {@code gen_ai.client.inference.exception}: a failed inference operation (chat, text_completion,
     * generate_content), recorded at severity WARN; new in GenAI conventions v0.1.0, where it replaces
     * {@link #GEN_AI_CLIENT_OPERATION_EXCEPTION} for inference. The name is from the v0.1.0 client-inference page; its
     * attributes are carried over from its predecessor (the v0.1.0 text of its table was not readable).
     */
    public static final String GEN_AI_CLIENT_INFERENCE_EXCEPTION = "gen_ai.client.inference.exception";

    /**
     * {@code gen_ai.execute_tool.exception}: a failed tool execution, recorded at severity WARN. Seen only on the
     * conventions' {@code main} branch ({@code execute-tool.md}); not confirmed for v0.1.0.
     */
    public static final String GEN_AI_EXECUTE_TOOL_EXCEPTION = "gen_ai.execute_tool.exception";

    /**
     * {@code gen_ai.agent.step}: ours: one step of an agent's reasoning loop (a thought, an action, an observation),
     * recorded as a <em>span event</em> on the agent's {@code invoke_agent} span, in order, not as a log record. Its
     * attributes are {@code gen_ai.agent.step.*} and {@code gen_ai.agent.name}.
     */
    public static final String GEN_AI_AGENT_STEP = "gen_ai.agent.step";

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

    // ---------------------------------------------------------------------------------------------------------------
    // Definitions: the severity and opt-in status each profile records an event with.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The details event as the 1.41.0 profile records it today: severity INFO, opt-in, as the 1.41.0 conventions
     * make it.
     */
    public static final EventDefinition INFERENCE_OPERATION_DETAILS_1_41_0 = new EventDefinition(
            GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS, Severity.INFO, true,
            "The request, response and optionally the content of one GenAI inference operation.");

    /**
     * The details event in v0.1.0: severity DEBUG (severity number 5), still opt-in. Pre-release copies agree on
     * DEBUG but disagree on opt-in versus recommended; opt-in is the conservative choice until verified.
     */
    public static final EventDefinition INFERENCE_OPERATION_DETAILS_0_1_0 = new EventDefinition(
            GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS, Severity.DEBUG, true,
            "The request, response and optionally the content of one GenAI inference operation.");

    /** {@link #GEN_AI_CLIENT_OPERATION_EXCEPTION} at severity WARN (severity number 13); recommended. */
    public static final EventDefinition CLIENT_OPERATION_EXCEPTION = new EventDefinition(
            GEN_AI_CLIENT_OPERATION_EXCEPTION, Severity.WARN, false,
            "An exception that ended a GenAI client operation.");

    /** {@link #GEN_AI_CLIENT_INFERENCE_EXCEPTION} at severity WARN (severity number 13); recommended. */
    public static final EventDefinition CLIENT_INFERENCE_EXCEPTION = new EventDefinition(
            GEN_AI_CLIENT_INFERENCE_EXCEPTION, Severity.WARN, false,
            "An exception that ended a GenAI client inference operation.");

    /** {@link #GEN_AI_EXECUTE_TOOL_EXCEPTION} at severity WARN (severity number 13); main-only, see its Javadoc. */
    public static final EventDefinition EXECUTE_TOOL_EXCEPTION = new EventDefinition(
            GEN_AI_EXECUTE_TOOL_EXCEPTION, Severity.WARN, false,
            "An exception that ended a GenAI tool execution.");

    /**
     * {@link #GEN_AI_EVALUATION_RESULT}; recommended. The conventions set no severity; INFO is what the project
     * records today.
     */
    public static final EventDefinition EVALUATION_RESULT = new EventDefinition(
            GEN_AI_EVALUATION_RESULT, Severity.INFO, false,
            "The result of evaluating a GenAI output.");

    private GenAiEvents() {}
}
