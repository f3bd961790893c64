package dev.genaiotel.semconv;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute keys of the OpenTelemetry GenAI semantic conventions (semantic-conventions-genai {@code main} at
 * {@code fe5608e}, plus the merged #440 usage additions and {@code gen_ai.token.modality} of the v0.1.0 release),
 * the provider-specific {@code openai.*}, {@code aws.bedrock.*} and {@code azure.*} keys, the stable core keys GenAI
 * telemetry uses, a few attributes of our own, and the deprecated names that a compatibility mode still emits.
 * {@code gen_ai.token.type} and {@code gen_ai.workflow.name} are not in v0.1.0; only the 1.41.0 profile emits them.
 * They are not annotated {@code @Deprecated} yet because the core reads them and the build fails on warnings.
 *
 * <p>Attributes of semconv type {@code any} (messages, system instructions, tool definitions, tool-call arguments
 * and results, retrieval documents, memory records) are {@code AttributeKey<String>} here: on spans they carry the
 * compact JSON form. Events need the structured form, recorded under {@code AttributeKey.valueKey(key.getKey())}.
 */
public final class GenAiAttributes {

    /** Prefix of the template attribute {@code gen_ai.prompt.variable.<key>}; see {@link #promptVariable(String)}. */
    public static final String GEN_AI_PROMPT_VARIABLE_PREFIX = "gen_ai.prompt.variable.";

    // ---------------------------------------------------------------------------------------------------------------
    // Operation and provider (all span types, metrics, events).
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.operation.name}: the operation performed (see {@link OperationName}); required. */
    public static final AttributeKey<String> GEN_AI_OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");

    /** {@code gen_ai.provider.name}: the GenAI provider as the instrumentation knows it (see {@link ProviderName}). */
    public static final AttributeKey<String> GEN_AI_PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");

    /** {@code gen_ai.conversation.id}: a real session or thread id; only when one exists, never synthesised. */
    public static final AttributeKey<String> GEN_AI_CONVERSATION_ID =
            AttributeKey.stringKey("gen_ai.conversation.id");

    /** {@code gen_ai.conversation.compacted}: the conversation was compacted; set only to {@code true}. */
    public static final AttributeKey<Boolean> GEN_AI_CONVERSATION_COMPACTED =
            AttributeKey.booleanKey("gen_ai.conversation.compacted");

    /** {@code gen_ai.output.type}: the requested output modality (see {@link OutputType}). */
    public static final AttributeKey<String> GEN_AI_OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");

    /** {@code gen_ai.data_source.id}: the id of the data source used for grounding or retrieval. */
    public static final AttributeKey<String> GEN_AI_DATA_SOURCE_ID = AttributeKey.stringKey("gen_ai.data_source.id");

    // ---------------------------------------------------------------------------------------------------------------
    // Prompt templates.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.prompt.name}: the name of the prompt template used; required when one is used. */
    public static final AttributeKey<String> GEN_AI_PROMPT_NAME = AttributeKey.stringKey("gen_ai.prompt.name");

    /** {@code gen_ai.prompt.version}: the version of the prompt template, when the name is set and it is known. */
    public static final AttributeKey<String> GEN_AI_PROMPT_VERSION = AttributeKey.stringKey("gen_ai.prompt.version");

    // ---------------------------------------------------------------------------------------------------------------
    // Request.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.request.model}: the model name the request is made to; sampling-relevant. */
    public static final AttributeKey<String> GEN_AI_REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");

    /** {@code gen_ai.request.max_tokens}: the maximum number of tokens to generate. */
    public static final AttributeKey<Long> GEN_AI_REQUEST_MAX_TOKENS =
            AttributeKey.longKey("gen_ai.request.max_tokens");

    /** {@code gen_ai.request.choice.count}: the number of candidates requested; set only when not 1. */
    public static final AttributeKey<Long> GEN_AI_REQUEST_CHOICE_COUNT =
            AttributeKey.longKey("gen_ai.request.choice.count");

    /** {@code gen_ai.request.temperature}: the sampling temperature. */
    public static final AttributeKey<Double> GEN_AI_REQUEST_TEMPERATURE =
            AttributeKey.doubleKey("gen_ai.request.temperature");

    /** {@code gen_ai.request.top_p}: the nucleus-sampling setting. */
    public static final AttributeKey<Double> GEN_AI_REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");

    /** {@code gen_ai.request.top_k}: the top-K sampling setting (an int since #217; never OpenAI top_logprobs). */
    public static final AttributeKey<Long> GEN_AI_REQUEST_TOP_K = AttributeKey.longKey("gen_ai.request.top_k");

    /** {@code gen_ai.request.stop_sequences}: the sequences that stop generation. */
    public static final AttributeKey<List<String>> GEN_AI_REQUEST_STOP_SEQUENCES =
            AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");

    /** {@code gen_ai.request.frequency_penalty}: the frequency penalty. */
    public static final AttributeKey<Double> GEN_AI_REQUEST_FREQUENCY_PENALTY =
            AttributeKey.doubleKey("gen_ai.request.frequency_penalty");

    /** {@code gen_ai.request.presence_penalty}: the presence penalty. */
    public static final AttributeKey<Double> GEN_AI_REQUEST_PRESENCE_PENALTY =
            AttributeKey.doubleKey("gen_ai.request.presence_penalty");

    /** {@code gen_ai.request.encoding_formats}: the embedding encoding formats requested. */
    public static final AttributeKey<List<String>> GEN_AI_REQUEST_ENCODING_FORMATS =
            AttributeKey.stringArrayKey("gen_ai.request.encoding_formats");

    /** {@code gen_ai.request.seed}: the seed sent with the request, if any. */
    public static final AttributeKey<Long> GEN_AI_REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");

    /** {@code gen_ai.request.stream}: set to {@code true} only when the request is streaming. */
    public static final AttributeKey<Boolean> GEN_AI_REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");

    /** {@code gen_ai.request.reasoning.level}: the reasoning effort exactly as sent to the provider. */
    public static final AttributeKey<String> GEN_AI_REQUEST_REASONING_LEVEL =
            AttributeKey.stringKey("gen_ai.request.reasoning.level");

    /** {@code gen_ai.request.previous_response.id}: the id of the previous response the request continues. */
    public static final AttributeKey<String> GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID =
            AttributeKey.stringKey("gen_ai.request.previous_response.id");

    /** {@code gen_ai.request.stream_cursor}: where a fetched streamed response resumes; required when resuming. */
    public static final AttributeKey<String> GEN_AI_REQUEST_STREAM_CURSOR =
            AttributeKey.stringKey("gen_ai.request.stream_cursor");

    // ---------------------------------------------------------------------------------------------------------------
    // Response.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.response.id}: the provider's id of the response. */
    public static final AttributeKey<String> GEN_AI_RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");

    /** {@code gen_ai.response.model}: the model that actually produced the response. */
    public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");

    /** {@code gen_ai.response.finish_reasons}: one finish reason per choice, in order (see {@link FinishReason}). */
    public static final AttributeKey<List<String>> GEN_AI_RESPONSE_FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");

    /** {@code gen_ai.response.status}: the status of a stored response (see {@link ResponseStatus}). */
    public static final AttributeKey<String> GEN_AI_RESPONSE_STATUS = AttributeKey.stringKey("gen_ai.response.status");

    /** {@code gen_ai.response.time_to_first_chunk}: seconds from request to first chunk, for streaming requests. */
    public static final AttributeKey<Double> GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK =
            AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

    // ---------------------------------------------------------------------------------------------------------------
    // Usage: totals, cache and reasoning breakdowns, per-modality breakdowns (#440).
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.usage.input_tokens}: input tokens, including cached ones; the billed count when reported. */
    public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.input_tokens");

    /** {@code gen_ai.usage.output_tokens}: output tokens, including reasoning ones; the billed count when reported. */
    public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.output_tokens");

    /** {@code gen_ai.usage.cache_read.input_tokens}: input tokens served from the provider cache. */
    public static final AttributeKey<Long> GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");

    /** {@code gen_ai.usage.cache_write.input_tokens}: input tokens written to the provider cache (#440). */
    public static final AttributeKey<Long> GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_write.input_tokens");

    /** {@code gen_ai.usage.reasoning.output_tokens}: reasoning tokens, included in the output tokens. */
    public static final AttributeKey<Long> GEN_AI_USAGE_REASONING_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");

    /** {@code gen_ai.usage.text.input_tokens}: text input tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_TEXT_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.text.input_tokens");

    /** {@code gen_ai.usage.text.output_tokens}: text output tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_TEXT_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.text.output_tokens");

    /** {@code gen_ai.usage.text.cache_read.input_tokens}: text input tokens read from cache (#440). */
    public static final AttributeKey<Long> GEN_AI_USAGE_TEXT_CACHE_READ_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.text.cache_read.input_tokens");

    /** {@code gen_ai.usage.image.input_tokens}: image input tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_IMAGE_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.image.input_tokens");

    /** {@code gen_ai.usage.image.output_tokens}: image output tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_IMAGE_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.image.output_tokens");

    /** {@code gen_ai.usage.image.cache_read.input_tokens}: image input tokens read from cache (#440). */
    public static final AttributeKey<Long> GEN_AI_USAGE_IMAGE_CACHE_READ_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.image.cache_read.input_tokens");

    /** {@code gen_ai.usage.audio.input_tokens}: audio input tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_AUDIO_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.audio.input_tokens");

    /** {@code gen_ai.usage.audio.output_tokens}: audio output tokens (#440); only when the provider reports them. */
    public static final AttributeKey<Long> GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.audio.output_tokens");

    /** {@code gen_ai.usage.audio.cache_read.input_tokens}: audio input tokens read from cache (#440). */
    public static final AttributeKey<Long> GEN_AI_USAGE_AUDIO_CACHE_READ_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.audio.cache_read.input_tokens");

    /**
     * {@code gen_ai.token.type}: the token type of a {@code gen_ai.client.token.usage} point ({@link TokenType}).
     *
     * <p>Not in GenAI conventions v0.1.0, which removed it with {@code gen_ai.client.token.usage}: the direction is
     * in the metric name ({@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS},
     * {@link GenAiClientMetrics#GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS} and the per-operation histograms) and the
     * counters are split by {@link #GEN_AI_TOKEN_MODALITY}. Only the 1.41.0 profile emits it.
     */
    public static final AttributeKey<String> GEN_AI_TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

    /**
     * {@code gen_ai.token.modality}: the modality of the tokens a {@code gen_ai.client.inference.usage.*} counter
     * point counts (see {@link TokenModality}); required there, absent from the per-operation histograms. New in
     * GenAI conventions v0.1.0.
     */
    public static final AttributeKey<String> GEN_AI_TOKEN_MODALITY = AttributeKey.stringKey("gen_ai.token.modality");

    // ---------------------------------------------------------------------------------------------------------------
    // Content (opt-in; semconv type any, carried as compact JSON on spans).
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.input.messages}: the chat history sent to the model; opt-in. Type {@code any}: this key carries
     * the compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");

    /**
     * {@code gen_ai.output.messages}: the messages the model returned, one per choice; opt-in. Type {@code any}: this
     * key carries the compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");

    /**
     * {@code gen_ai.system_instructions}: instructions sent apart from the chat history; opt-in. Type {@code any}:
     * this key carries the compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_SYSTEM_INSTRUCTIONS =
            AttributeKey.stringKey("gen_ai.system_instructions");

    /**
     * {@code gen_ai.tool.definitions}: the tools offered to the model; opt-in. Type {@code any}: this key carries the
     * compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_TOOL_DEFINITIONS =
            AttributeKey.stringKey("gen_ai.tool.definitions");

    // ---------------------------------------------------------------------------------------------------------------
    // Agents and workflows (create_agent, invoke_agent, invoke_workflow, plan).
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.agent.id}: the provider's stable id of the agent (not an in-memory instance id). GenAI conventions
     * v0.1.0 keep it on {@code create_agent} and client {@code invoke_agent} spans only, not on internal agent spans.
     */
    public static final AttributeKey<String> GEN_AI_AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");

    /** {@code gen_ai.agent.name}: the human-readable name of the agent; sampling-relevant on agent spans. */
    public static final AttributeKey<String> GEN_AI_AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

    /** {@code gen_ai.agent.description}: the application-provided description of the agent. */
    public static final AttributeKey<String> GEN_AI_AGENT_DESCRIPTION =
            AttributeKey.stringKey("gen_ai.agent.description");

    /** {@code gen_ai.agent.version}: the version of the agent. */
    public static final AttributeKey<String> GEN_AI_AGENT_VERSION = AttributeKey.stringKey("gen_ai.agent.version");

    /**
     * {@code gen_ai.workflow.name}: the low-cardinality name of the workflow.
     *
     * <p>Not in GenAI conventions v0.1.0, which records a workflow on the {@code gen_ai.invoke_agent.internal} span
     * (operation name still {@code invoke_workflow}) with its name in {@link #GEN_AI_AGENT_NAME}. Only the 1.41.0
     * profile emits it.
     */
    public static final AttributeKey<String> GEN_AI_WORKFLOW_NAME = AttributeKey.stringKey("gen_ai.workflow.name");

    // ---------------------------------------------------------------------------------------------------------------
    // Tools (execute_tool).
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.tool.name}: the name of the tool; required on execute_tool spans. */
    public static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");

    /** {@code gen_ai.tool.call.id}: the id of the tool call, if available. */
    public static final AttributeKey<String> GEN_AI_TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");

    /** {@code gen_ai.tool.description}: the description of the tool, if available. */
    public static final AttributeKey<String> GEN_AI_TOOL_DESCRIPTION =
            AttributeKey.stringKey("gen_ai.tool.description");

    /** {@code gen_ai.tool.type}: the kind of tool (see {@link ToolType}). */
    public static final AttributeKey<String> GEN_AI_TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");

    /**
     * {@code gen_ai.tool.call.arguments}: the arguments the tool was called with (a JSON object); opt-in. Type
     * {@code any}: this key carries the compact JSON form used on spans; events use
     * {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_TOOL_CALL_ARGUMENTS =
            AttributeKey.stringKey("gen_ai.tool.call.arguments");

    /**
     * {@code gen_ai.tool.call.result}: the result the tool returned (a JSON object); opt-in. Type {@code any}: this
     * key carries the compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_TOOL_CALL_RESULT =
            AttributeKey.stringKey("gen_ai.tool.call.result");

    // ---------------------------------------------------------------------------------------------------------------
    // Embeddings and retrieval.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.embeddings.dimension.count}: the requested embedding dimensions; keep it off metrics. */
    public static final AttributeKey<Long> GEN_AI_EMBEDDINGS_DIMENSION_COUNT =
            AttributeKey.longKey("gen_ai.embeddings.dimension.count");

    /** {@code gen_ai.retrieval.query.text}: the retrieval query; opt-in, may be sensitive. */
    public static final AttributeKey<String> GEN_AI_RETRIEVAL_QUERY_TEXT =
            AttributeKey.stringKey("gen_ai.retrieval.query.text");

    /** {@code gen_ai.retrieval.top_k}: the maximum number of documents requested. */
    public static final AttributeKey<Long> GEN_AI_RETRIEVAL_TOP_K = AttributeKey.longKey("gen_ai.retrieval.top_k");

    /**
     * {@code gen_ai.retrieval.documents}: the documents retrieved, as {@code {id, score}} objects; opt-in. Type
     * {@code any}: this key carries the compact JSON form used on spans; events use
     * {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_RETRIEVAL_DOCUMENTS =
            AttributeKey.stringKey("gen_ai.retrieval.documents");

    // ---------------------------------------------------------------------------------------------------------------
    // Memory.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.memory.store.id}: the id of the memory store, if applicable. */
    public static final AttributeKey<String> GEN_AI_MEMORY_STORE_ID = AttributeKey.stringKey("gen_ai.memory.store.id");

    /** {@code gen_ai.memory.record.id}: the id of the memory record; required when the operation targets one. */
    public static final AttributeKey<String> GEN_AI_MEMORY_RECORD_ID =
            AttributeKey.stringKey("gen_ai.memory.record.id");

    /** {@code gen_ai.memory.record.count}: the number of memory records involved, when known. */
    public static final AttributeKey<Long> GEN_AI_MEMORY_RECORD_COUNT =
            AttributeKey.longKey("gen_ai.memory.record.count");

    /** {@code gen_ai.memory.query.text}: the memory search query; opt-in, content-gated. */
    public static final AttributeKey<String> GEN_AI_MEMORY_QUERY_TEXT =
            AttributeKey.stringKey("gen_ai.memory.query.text");

    /**
     * {@code gen_ai.memory.records}: the memory records involved; opt-in, content-gated. Type {@code any}: this key
     * carries the compact JSON form used on spans; events use {@code AttributeKey.valueKey(key.getKey())}.
     */
    public static final AttributeKey<String> GEN_AI_MEMORY_RECORDS = AttributeKey.stringKey("gen_ai.memory.records");

    // ---------------------------------------------------------------------------------------------------------------
    // Evaluation (gen_ai.evaluation.result event).
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.evaluation.name}: the name of the evaluation metric; required on the evaluation event. */
    public static final AttributeKey<String> GEN_AI_EVALUATION_NAME = AttributeKey.stringKey("gen_ai.evaluation.name");

    /** {@code gen_ai.evaluation.score.value}: the numeric evaluation score, if applicable. */
    public static final AttributeKey<Double> GEN_AI_EVALUATION_SCORE_VALUE =
            AttributeKey.doubleKey("gen_ai.evaluation.score.value");

    /** {@code gen_ai.evaluation.score.label}: the low-cardinality evaluation label, if applicable. */
    public static final AttributeKey<String> GEN_AI_EVALUATION_SCORE_LABEL =
            AttributeKey.stringKey("gen_ai.evaluation.score.label");

    /** {@code gen_ai.evaluation.explanation}: a free-form explanation of the evaluation score. */
    public static final AttributeKey<String> GEN_AI_EVALUATION_EXPLANATION =
            AttributeKey.stringKey("gen_ai.evaluation.explanation");

    // ---------------------------------------------------------------------------------------------------------------
    // Provider-specific: OpenAI, AWS Bedrock, Azure AI Inference.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code openai.api.type}: the OpenAI API used (see {@link OpenAiApiType}). */
    public static final AttributeKey<String> OPENAI_API_TYPE = AttributeKey.stringKey("openai.api.type");

    /** {@code openai.request.service_tier}: the requested service tier; required when requested and not auto. */
    public static final AttributeKey<String> OPENAI_REQUEST_SERVICE_TIER =
            AttributeKey.stringKey("openai.request.service_tier");

    /** {@code openai.response.service_tier}: the service tier that served the response, when returned. */
    public static final AttributeKey<String> OPENAI_RESPONSE_SERVICE_TIER =
            AttributeKey.stringKey("openai.response.service_tier");

    /** {@code openai.response.system_fingerprint}: the fingerprint of the serving environment. */
    public static final AttributeKey<String> OPENAI_RESPONSE_SYSTEM_FINGERPRINT =
            AttributeKey.stringKey("openai.response.system_fingerprint");

    /** {@code aws.bedrock.guardrail.id}: the id of the Bedrock guardrail; required when a guardrail is used. */
    public static final AttributeKey<String> AWS_BEDROCK_GUARDRAIL_ID =
            AttributeKey.stringKey("aws.bedrock.guardrail.id");

    /** {@code aws.bedrock.knowledge_base.id}: the id of the Bedrock knowledge base. */
    public static final AttributeKey<String> AWS_BEDROCK_KNOWLEDGE_BASE_ID =
            AttributeKey.stringKey("aws.bedrock.knowledge_base.id");

    /** {@code azure.resource_provider.namespace}: must be {@code Microsoft.CognitiveServices} when set. */
    public static final AttributeKey<String> AZURE_RESOURCE_PROVIDER_NAMESPACE =
            AttributeKey.stringKey("azure.resource_provider.namespace");

    // ---------------------------------------------------------------------------------------------------------------
    // Stable core attributes used by GenAI telemetry.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code server.address}: the GenAI endpoint's host name, IP address or socket path; sampling-relevant. */
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");

    /** {@code server.port}: the GenAI endpoint's port; required when {@code server.address} is set. */
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    /** {@code error.type}: the low-cardinality error class; required when the operation ended in an error. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** {@code exception.type}: the exception class name; required on the exception event without a message. */
    public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    /** {@code exception.message}: the exception message; required on the exception event without a type. */
    public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

    /** {@code exception.stacktrace}: the exception's stack trace as a string. */
    public static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    // ---------------------------------------------------------------------------------------------------------------
    // Ours: not in the semantic conventions. Names follow open proposals where one exists.
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code gen_ai.input.messages_ref}: ours (proposal GenAI PR #490): where the input messages were uploaded. */
    public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES_REF =
            AttributeKey.stringKey("gen_ai.input.messages_ref");

    /** {@code gen_ai.output.messages_ref}: ours (proposal GenAI PR #490): where the output messages were uploaded. */
    public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES_REF =
            AttributeKey.stringKey("gen_ai.output.messages_ref");

    /** {@code gen_ai.system_instructions_ref}: ours (proposal GenAI PR #490): where the instructions were uploaded. */
    public static final AttributeKey<String> GEN_AI_SYSTEM_INSTRUCTIONS_REF =
            AttributeKey.stringKey("gen_ai.system_instructions_ref");

    /** {@code gen_ai.tool.definitions_ref}: ours (proposal GenAI PR #490): where the tool definitions were uploaded. */
    public static final AttributeKey<String> GEN_AI_TOOL_DEFINITIONS_REF =
            AttributeKey.stringKey("gen_ai.tool.definitions_ref");

    /** {@code gen_ai.usage.cost}: ours: the estimated cost of the operation, in {@code gen_ai.usage.currency}. */
    public static final AttributeKey<Double> GEN_AI_USAGE_COST = AttributeKey.doubleKey("gen_ai.usage.cost");

    /**
     * {@code gen_ai.usage.currency}: ours: the currency of {@code gen_ai.usage.cost}, e.g. {@code USD}. Not
     * {@code gen_ai.usage.cost.currency}: an attribute name must not also be the namespace of another.
     */
    public static final AttributeKey<String> GEN_AI_USAGE_CURRENCY = AttributeKey.stringKey("gen_ai.usage.currency");

    /** {@code gen_ai.operation.purpose}: ours: why the operation ran (see {@link OperationPurpose}). */
    public static final AttributeKey<String> GEN_AI_OPERATION_PURPOSE =
            AttributeKey.stringKey("gen_ai.operation.purpose");

    /** {@code gen_ai.content.truncated}: ours: some content attribute on this span was truncated. */
    public static final AttributeKey<Boolean> GEN_AI_CONTENT_TRUNCATED =
            AttributeKey.booleanKey("gen_ai.content.truncated");

    /**
     * {@code gen_ai.agent.step.kind}: ours: on a {@code gen_ai.agent.step} span event, what the step was:
     * {@code thought}, {@code action}, {@code observation} or another value (an open vocabulary).
     */
    public static final AttributeKey<String> GEN_AI_AGENT_STEP_KIND = AttributeKey.stringKey("gen_ai.agent.step.kind");

    /**
     * {@code gen_ai.agent.step.index}: ours: on a {@code gen_ai.agent.step} span event, the step's position among the
     * steps recorded on that agent span, from 0.
     */
    public static final AttributeKey<Long> GEN_AI_AGENT_STEP_INDEX = AttributeKey.longKey("gen_ai.agent.step.index");

    /**
     * {@code gen_ai.agent.step.name}: ours: on a {@code gen_ai.agent.step} span event, what the step names, such as
     * the tool an action calls or an observation comes from.
     */
    public static final AttributeKey<String> GEN_AI_AGENT_STEP_NAME = AttributeKey.stringKey("gen_ai.agent.step.name");

    /**
     * {@code gen_ai.agent.step.role}: ours: on a {@code gen_ai.agent.step} span event, the role the agent took in
     * the step, such as {@code planner} or {@code critic}.
     */
    public static final AttributeKey<String> GEN_AI_AGENT_STEP_ROLE = AttributeKey.stringKey("gen_ai.agent.step.role");

    /**
     * {@code gen_ai.agent.step.content}: ours, opt-in content: on a {@code gen_ai.agent.step} span event, the step's
     * text (the thought, the action's input, the observation), recorded only when content is captured on spans.
     */
    public static final AttributeKey<String> GEN_AI_AGENT_STEP_CONTENT =
            AttributeKey.stringKey("gen_ai.agent.step.content");

    /**
     * {@code gen_ai.cache.hit}: ours: whether a cache the application keeps in front of the model or data source
     * (a semantic cache, say) answered this operation. Not the provider's prompt cache, which is
     * {@code gen_ai.usage.cache_read.input_tokens}.
     */
    public static final AttributeKey<Boolean> GEN_AI_CACHE_HIT = AttributeKey.booleanKey("gen_ai.cache.hit");

    /**
     * {@code gen_ai.cache.source}: ours: which cache was looked up, a low-cardinality name such as
     * {@code semantic_cache}.
     */
    public static final AttributeKey<String> GEN_AI_CACHE_SOURCE = AttributeKey.stringKey("gen_ai.cache.source");

    /**
     * {@code gen_ai.response.output_tokens_per_second}: ours: the output tokens of a successful streamed inference
     * divided by the seconds from its first chunk to its end.
     */
    public static final AttributeKey<Double> GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND =
            AttributeKey.doubleKey("gen_ai.response.output_tokens_per_second");

    /** {@code gen_ai.usage.audio.input_seconds}: ours: seconds of audio input the provider billed or reported. */
    public static final AttributeKey<Double> GEN_AI_USAGE_AUDIO_INPUT_SECONDS =
            AttributeKey.doubleKey("gen_ai.usage.audio.input_seconds");

    /** {@code gen_ai.usage.audio.output_seconds}: ours: seconds of audio output the provider billed or reported. */
    public static final AttributeKey<Double> GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS =
            AttributeKey.doubleKey("gen_ai.usage.audio.output_seconds");

    /** {@code gen_ai.usage.image.input_count}: ours: images the provider counted in the input. */
    public static final AttributeKey<Long> GEN_AI_USAGE_IMAGE_INPUT_COUNT =
            AttributeKey.longKey("gen_ai.usage.image.input_count");

    /** {@code gen_ai.usage.image.output_count}: ours: images the provider generated. */
    public static final AttributeKey<Long> GEN_AI_USAGE_IMAGE_OUTPUT_COUNT =
            AttributeKey.longKey("gen_ai.usage.image.output_count");

    // ---------------------------------------------------------------------------------------------------------------
    // Deprecated names (the names older conventions used), kept for the compatibility mode.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code gen_ai.system}: the provider, before v1.37.0.
     *
     * @deprecated use {@link #GEN_AI_PROVIDER_NAME}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_SYSTEM = AttributeKey.stringKey("gen_ai.system");

    /**
     * {@code gen_ai.usage.prompt_tokens}: input tokens, before v1.27.0.
     *
     * @deprecated use {@link #GEN_AI_USAGE_INPUT_TOKENS}
     */
    @Deprecated
    public static final AttributeKey<Long> GEN_AI_USAGE_PROMPT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.prompt_tokens");

    /**
     * {@code gen_ai.usage.completion_tokens}: output tokens, before v1.27.0.
     *
     * @deprecated use {@link #GEN_AI_USAGE_OUTPUT_TOKENS}
     */
    @Deprecated
    public static final AttributeKey<Long> GEN_AI_USAGE_COMPLETION_TOKENS =
            AttributeKey.longKey("gen_ai.usage.completion_tokens");

    /**
     * {@code gen_ai.prompt}: the prompt on the {@code gen_ai.content.prompt} span event, before v1.28.0.
     *
     * @deprecated use {@link #GEN_AI_INPUT_MESSAGES}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_PROMPT = AttributeKey.stringKey("gen_ai.prompt");

    /**
     * {@code gen_ai.completion}: the completion on the {@code gen_ai.content.completion} span event, before v1.28.0.
     *
     * @deprecated use {@link #GEN_AI_OUTPUT_MESSAGES}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_COMPLETION = AttributeKey.stringKey("gen_ai.completion");

    /**
     * {@code gen_ai.openai.request.seed}: the OpenAI request seed.
     *
     * @deprecated use {@link #GEN_AI_REQUEST_SEED}
     */
    @Deprecated
    public static final AttributeKey<Long> GEN_AI_OPENAI_REQUEST_SEED =
            AttributeKey.longKey("gen_ai.openai.request.seed");

    /**
     * {@code gen_ai.openai.request.response_format}: {@code text}, {@code json_object} or {@code json_schema}.
     *
     * @deprecated use {@link #GEN_AI_OUTPUT_TYPE}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_OPENAI_REQUEST_RESPONSE_FORMAT =
            AttributeKey.stringKey("gen_ai.openai.request.response_format");

    /**
     * {@code gen_ai.openai.request.service_tier}: the requested OpenAI service tier, before v1.37.0.
     *
     * @deprecated use {@link #OPENAI_REQUEST_SERVICE_TIER}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_OPENAI_REQUEST_SERVICE_TIER =
            AttributeKey.stringKey("gen_ai.openai.request.service_tier");

    /**
     * {@code gen_ai.openai.response.service_tier}: the OpenAI service tier of the response, before v1.37.0.
     *
     * @deprecated use {@link #OPENAI_RESPONSE_SERVICE_TIER}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_OPENAI_RESPONSE_SERVICE_TIER =
            AttributeKey.stringKey("gen_ai.openai.response.service_tier");

    /**
     * {@code gen_ai.openai.response.system_fingerprint}: the OpenAI system fingerprint, before v1.37.0.
     *
     * @deprecated use {@link #OPENAI_RESPONSE_SYSTEM_FINGERPRINT}
     */
    @Deprecated
    public static final AttributeKey<String> GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT =
            AttributeKey.stringKey("gen_ai.openai.response.system_fingerprint");

    /**
     * {@code gen_ai.usage.cache_creation.input_tokens}: input tokens written to the cache, renamed by #440.
     *
     * @deprecated use {@link #GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS}
     */
    @Deprecated
    public static final AttributeKey<Long> GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");

    private GenAiAttributes() {}

    /**
     * The template attribute {@code gen_ai.prompt.variable.<key>}: one prompt-template variable's value (opt-in, may
     * be sensitive), e.g. {@code promptVariable("user_name")} for {@code gen_ai.prompt.variable.user_name}.
     *
     * @param key the template variable's name; not null, not blank
     * @return the string attribute key for that variable
     * @throws IllegalArgumentException if {@code key} is null or blank
     */
    public static AttributeKey<String> promptVariable(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be null or blank: " + key);
        }
        return AttributeKey.stringKey(GEN_AI_PROMPT_VARIABLE_PREFIX + key);
    }
}
