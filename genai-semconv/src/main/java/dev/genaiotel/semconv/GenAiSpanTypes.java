package dev.genaiotel.semconv;

/**
 * Span type ids of the GenAI semantic conventions (the weaver {@code type} of each span definition). They are not
 * recorded on spans today; they name span definitions in documentation, tests and weaver live-check. Several
 * operations share one type: chat, text_completion and generate_content are all {@link #GEN_AI_CLIENT_INFERENCE}.
 *
 * <p>The module README records the source of each id. Ids marked main-only here were not seen in a v0.1.0 source.
 */
public final class GenAiSpanTypes {

    // ---------------------------------------------------------------------------------------------------------------
    // GenAI conventions v0.1.0.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.client.inference}: an inference call; kind CLIENT (INTERNAL for an in-process model), name
     * {@code {gen_ai.operation.name} {gen_ai.request.model}}. Provider refinements are
     * {@code <provider>.gen_ai.client.inference}, e.g. {@code openai.gen_ai.client.inference}.
     */
    public static final String GEN_AI_CLIENT_INFERENCE = "gen_ai.client.inference";

    /**
     * {@code gen_ai.client.embeddings}: an embeddings call; kind CLIENT, name
     * {@code {gen_ai.operation.name} {gen_ai.request.model}}. Read from a pre-release copy of
     * {@code client-embeddings.md}; v0.1.0 has that page, its span id was not readable.
     */
    public static final String GEN_AI_CLIENT_EMBEDDINGS = "gen_ai.client.embeddings";

    /**
     * {@code gen_ai.invoke_agent.internal}: an in-process agent invocation and, in v0.1.0, also a workflow
     * (operation name {@code invoke_workflow}, workflow name in {@code gen_ai.agent.name}); kind INTERNAL.
     */
    public static final String GEN_AI_INVOKE_AGENT_INTERNAL = "gen_ai.invoke_agent.internal";

    /** {@code gen_ai.invoke_agent.client}: invoking a remote agent; kind CLIENT. Unchanged as far as seen. */
    public static final String GEN_AI_INVOKE_AGENT_CLIENT = "gen_ai.invoke_agent.client";

    /** {@code gen_ai.create_agent.client}: creating a remote agent; kind CLIENT. Unchanged as far as seen. */
    public static final String GEN_AI_CREATE_AGENT_CLIENT = "gen_ai.create_agent.client";

    /** {@code gen_ai.fetch_response.client}: fetching a stored response; kind CLIENT. Unchanged as far as seen. */
    public static final String GEN_AI_FETCH_RESPONSE_CLIENT = "gen_ai.fetch_response.client";

    /** {@code gen_ai.memory.client}: a memory store or record operation; kind CLIENT. Unchanged as far as seen. */
    public static final String GEN_AI_MEMORY_CLIENT = "gen_ai.memory.client";

    /** {@code gen_ai.plan.internal}: an agent's planning phase; kind INTERNAL. Unchanged as far as seen. */
    public static final String GEN_AI_PLAN_INTERNAL = "gen_ai.plan.internal";

    /**
     * {@code gen_ai.retrieval}: a framework retrieval pipeline; kind INTERNAL, name {@code {gen_ai.operation.name}}.
     * Main-only: v0.1.0 has a separate retrieval page, but the id, kind and name were read from {@code main}; the
     * pre-release copies still have {@link #GEN_AI_RETRIEVAL_CLIENT}.
     */
    public static final String GEN_AI_RETRIEVAL = "gen_ai.retrieval";

    /**
     * {@code gen_ai.execute_tool}: a tool execution, as {@code main}'s {@code execute-tool.md} names it. Main-only;
     * the pre-release copies still have {@link #GEN_AI_EXECUTE_TOOL_INTERNAL}.
     */
    public static final String GEN_AI_EXECUTE_TOOL = "gen_ai.execute_tool";

    // ---------------------------------------------------------------------------------------------------------------
    // Ids of the conventions the 1.41.0 profile follows that v0.1.0 changed or may have changed.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.retrieval.client}: a retrieval request; kind CLIENT, name
     * {@code {gen_ai.operation.name} {gen_ai.data_source.id}}. Not deprecated: that v0.1.0 replaced it with
     * {@link #GEN_AI_RETRIEVAL} is not confirmed.
     */
    public static final String GEN_AI_RETRIEVAL_CLIENT = "gen_ai.retrieval.client";

    /**
     * {@code gen_ai.execute_tool.internal}: a tool execution; kind INTERNAL, name
     * {@code execute_tool {gen_ai.tool.name}}. Not deprecated: that v0.1.0 renamed it to {@link #GEN_AI_EXECUTE_TOOL}
     * is not confirmed.
     */
    public static final String GEN_AI_EXECUTE_TOOL_INTERNAL = "gen_ai.execute_tool.internal";

    /**
     * {@code gen_ai.inference.client}: an inference call, before v0.1.0.
     *
     * @deprecated renamed in GenAI conventions v0.1.0 to {@link #GEN_AI_CLIENT_INFERENCE}
     */
    @Deprecated
    public static final String GEN_AI_INFERENCE_CLIENT = "gen_ai.inference.client";

    /**
     * {@code gen_ai.embeddings.client}: an embeddings call, before v0.1.0.
     *
     * @deprecated renamed in GenAI conventions v0.1.0 to {@link #GEN_AI_CLIENT_EMBEDDINGS}
     */
    @Deprecated
    public static final String GEN_AI_EMBEDDINGS_CLIENT = "gen_ai.embeddings.client";

    /**
     * {@code gen_ai.invoke_workflow.internal}: a workflow invocation, before v0.1.0.
     *
     * @deprecated merged in GenAI conventions v0.1.0 into {@link #GEN_AI_INVOKE_AGENT_INTERNAL}
     */
    @Deprecated
    public static final String GEN_AI_INVOKE_WORKFLOW_INTERNAL = "gen_ai.invoke_workflow.internal";

    private GenAiSpanTypes() {}
}
