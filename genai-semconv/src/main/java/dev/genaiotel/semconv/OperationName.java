package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.operation.name} ({@link GenAiAttributes#GEN_AI_OPERATION_NAME}). The vocabulary
 * is open: when a listed value applies it must be used, otherwise a custom value may be.
 */
public final class OperationName {

    /** {@code chat}: a chat completion (OpenAI Chat Completions and Responses, Bedrock Converse, Ollama chat). */
    public static final String CHAT = "chat";

    /** {@code generate_content}: multimodal content generation (Gemini generateContent). */
    public static final String GENERATE_CONTENT = "generate_content";

    /** {@code text_completion}: a legacy text completion (OpenAI Completions, Ollama generate). */
    public static final String TEXT_COMPLETION = "text_completion";

    /** {@code embeddings}: an embeddings request. */
    public static final String EMBEDDINGS = "embeddings";

    /** {@code retrieval}: a retrieval request, e.g. a vector-store search. */
    public static final String RETRIEVAL = "retrieval";

    /** {@code fetch_response}: fetching a stored response without inference; reports no token usage. */
    public static final String FETCH_RESPONSE = "fetch_response";

    /** {@code create_agent}: creating a remote agent. */
    public static final String CREATE_AGENT = "create_agent";

    /** {@code invoke_agent}: invoking an agent, remote or in-process. */
    public static final String INVOKE_AGENT = "invoke_agent";

    /** {@code execute_tool}: executing a tool. */
    public static final String EXECUTE_TOOL = "execute_tool";

    /** {@code invoke_workflow}: invoking a workflow of several agents. */
    public static final String INVOKE_WORKFLOW = "invoke_workflow";

    /** {@code plan}: an agent producing a plan. */
    public static final String PLAN = "plan";

    /** {@code search_memory}: searching a memory store. */
    public static final String SEARCH_MEMORY = "search_memory";

    /** {@code create_memory}: creating a memory record. */
    public static final String CREATE_MEMORY = "create_memory";

    /** {@code update_memory}: updating a memory record. */
    public static final String UPDATE_MEMORY = "update_memory";

    /** {@code upsert_memory}: creating or updating a memory record. */
    public static final String UPSERT_MEMORY = "upsert_memory";

    /** {@code delete_memory}: deleting a memory record. */
    public static final String DELETE_MEMORY = "delete_memory";

    /** {@code create_memory_store}: creating a memory store. */
    public static final String CREATE_MEMORY_STORE = "create_memory_store";

    /** {@code delete_memory_store}: deleting a memory store. */
    public static final String DELETE_MEMORY_STORE = "delete_memory_store";

    private OperationName() {}
}
