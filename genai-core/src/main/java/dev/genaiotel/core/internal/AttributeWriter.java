package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_DESCRIPTION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_VERSION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_DATA_SOURCE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_VERSION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_CHOICE_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_ENCODING_FORMATS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_SEED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_DOCUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_QUERY_TEXT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DESCRIPTION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.RetrievalRequest;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.core.WorkflowRequest;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.ContentEncoder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What each operation kind records, per SEMCONV.md section 2: span names, kinds and attributes. */
final class AttributeWriter {

    private static final AttributeKey<Value<?>> SYSTEM_INSTRUCTIONS_VALUE =
            AttributeKey.valueKey(GEN_AI_SYSTEM_INSTRUCTIONS.getKey());
    private static final AttributeKey<Value<?>> INPUT_MESSAGES_VALUE =
            AttributeKey.valueKey(GEN_AI_INPUT_MESSAGES.getKey());
    private static final AttributeKey<Value<?>> OUTPUT_MESSAGES_VALUE =
            AttributeKey.valueKey(GEN_AI_OUTPUT_MESSAGES.getKey());
    private static final AttributeKey<Value<?>> TOOL_DEFINITIONS_VALUE =
            AttributeKey.valueKey(GEN_AI_TOOL_DEFINITIONS.getKey());
    private static final AttributeKey<Value<?>> TOOL_CALL_ARGUMENTS_VALUE =
            AttributeKey.valueKey(GEN_AI_TOOL_CALL_ARGUMENTS.getKey());
    private static final AttributeKey<Value<?>> TOOL_CALL_RESULT_VALUE =
            AttributeKey.valueKey(GEN_AI_TOOL_CALL_RESULT.getKey());
    private static final AttributeKey<Value<?>> RETRIEVAL_DOCUMENTS_VALUE =
            AttributeKey.valueKey(GEN_AI_RETRIEVAL_DOCUMENTS.getKey());

    private AttributeWriter() {}

    static String spanName(Operation op) {
        String operation = op.operationName();
        String target;
        switch (op.kind) {
            case INFERENCE:
                // fetch_response spans are named after the operation alone (SEMCONV.md section 2.4)
                target = OperationName.FETCH_RESPONSE.equals(operation) ? null
                        : ((InferenceRequest) op.request).model();
                break;
            case EMBEDDINGS:
                target = ((EmbeddingsRequest) op.request).model();
                break;
            case EXECUTE_TOOL:
                target = ((ToolCall) op.request).name();
                break;
            case INVOKE_AGENT:
            case CREATE_AGENT:
                target = ((AgentRequest) op.request).agentName();
                break;
            case INVOKE_WORKFLOW:
                target = ((WorkflowRequest) op.request).workflowName();
                break;
            default:
                target = ((RetrievalRequest) op.request).dataSourceId();
                break;
        }
        return target == null || target.isEmpty() ? operation : operation + ' ' + target;
    }

    static SpanKind spanKind(Operation op) {
        switch (op.kind) {
            case EXECUTE_TOOL:
            case INVOKE_WORKFLOW:
                return SpanKind.INTERNAL;
            case INVOKE_AGENT:
                return op.remoteAgent() ? SpanKind.CLIENT : SpanKind.INTERNAL;
            default:
                return SpanKind.CLIENT;
        }
    }

    /** The request-side attributes, known at start (all given to the span builder, which covers sampling). */
    static void request(Operation op, Object request, AttributeSink sink) {
        sink.put(GEN_AI_OPERATION_NAME, op.operationName());
        switch (op.kind) {
            case INFERENCE:
                inferenceRequest((InferenceRequest) request, sink);
                break;
            case EMBEDDINGS:
                EmbeddingsRequest embeddings = (EmbeddingsRequest) request;
                sink.put(GEN_AI_PROVIDER_NAME, embeddings.providerName());
                sink.put(GEN_AI_REQUEST_MODEL, embeddings.model());
                sink.put(GEN_AI_EMBEDDINGS_DIMENSION_COUNT, embeddings.dimensionCount());
                if (!embeddings.encodingFormats().isEmpty()) {
                    sink.put(GEN_AI_REQUEST_ENCODING_FORMATS, embeddings.encodingFormats());
                }
                server(embeddings.serverAddress(), embeddings.serverPort(), sink);
                sink.putAll(embeddings.attributes());
                break;
            case EXECUTE_TOOL:
                ToolCall tool = (ToolCall) request;
                sink.put(GEN_AI_TOOL_NAME, tool.name());
                sink.put(GEN_AI_TOOL_CALL_ID, tool.callId());
                sink.put(GEN_AI_TOOL_DESCRIPTION, tool.description());
                sink.put(GEN_AI_TOOL_TYPE, tool.type());
                sink.put(GEN_AI_AGENT_NAME, tool.agentName());
                break;
            case INVOKE_AGENT:
            case CREATE_AGENT:
                agentRequest(op, (AgentRequest) request, sink);
                break;
            case INVOKE_WORKFLOW:
                sink.put(GEN_AI_WORKFLOW_NAME, ((WorkflowRequest) request).workflowName());
                break;
            default:
                RetrievalRequest retrieval = (RetrievalRequest) request;
                sink.put(GEN_AI_PROVIDER_NAME, retrieval.providerName());
                sink.put(GEN_AI_DATA_SOURCE_ID, retrieval.dataSourceId());
                sink.put(GEN_AI_REQUEST_MODEL, retrieval.model());
                sink.put(GEN_AI_RETRIEVAL_TOP_K, retrieval.topK());
                server(retrieval.serverAddress(), retrieval.serverPort(), sink);
                sink.putAll(retrieval.attributes());
                break;
        }
    }

    private static void inferenceRequest(InferenceRequest r, AttributeSink sink) {
        sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
        server(r.serverAddress(), r.serverPort(), sink);
        sink.put(GEN_AI_REQUEST_TOP_K, r.topK());
        samplingParameters(r, sink);
        sink.put(GEN_AI_REQUEST_REASONING_LEVEL, r.reasoningLevel());
        sink.put(GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID, r.previousResponseId());
        sink.put(GEN_AI_CONVERSATION_ID, r.conversationId());
        if (r.stream()) {
            sink.put(GEN_AI_REQUEST_STREAM, Boolean.TRUE);
        }
        if (r.promptName() != null) {
            sink.put(GEN_AI_PROMPT_NAME, r.promptName());
            sink.put(GEN_AI_PROMPT_VERSION, r.promptVersion());
        }
        sink.putAll(r.attributes());
    }

    /** The request parameters shared by inference and agent spans. */
    private static void samplingParameters(InferenceRequest r, AttributeSink sink) {
        sink.put(GEN_AI_REQUEST_TEMPERATURE, r.temperature());
        sink.put(GEN_AI_REQUEST_TOP_P, r.topP());
        sink.put(GEN_AI_REQUEST_MAX_TOKENS, r.maxTokens());
        if (!r.stopSequences().isEmpty()) {
            sink.put(GEN_AI_REQUEST_STOP_SEQUENCES, r.stopSequences());
        }
        sink.put(GEN_AI_REQUEST_SEED, r.seed());
        if (r.choiceCount() != null && r.choiceCount() != 1L) {
            sink.put(GEN_AI_REQUEST_CHOICE_COUNT, r.choiceCount());
        }
        sink.put(GEN_AI_REQUEST_FREQUENCY_PENALTY, r.frequencyPenalty());
        sink.put(GEN_AI_REQUEST_PRESENCE_PENALTY, r.presencePenalty());
        sink.put(GEN_AI_OUTPUT_TYPE, r.outputType());
    }

    private static void agentRequest(Operation op, AgentRequest r, AttributeSink sink) {
        boolean remote = op.kind == Kind.CREATE_AGENT || r.remote();
        if (remote) {
            sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
            sink.put(GEN_AI_AGENT_ID, r.agentId());
            sink.put(GEN_AI_AGENT_VERSION, r.agentVersion());
            server(r.serverAddress(), r.serverPort(), sink);
        }
        sink.put(GEN_AI_AGENT_NAME, r.agentName());
        sink.put(GEN_AI_AGENT_DESCRIPTION, r.agentDescription());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
        if (op.kind == Kind.INVOKE_AGENT) {
            sink.put(GEN_AI_CONVERSATION_ID, r.conversationId());
            sink.put(GEN_AI_DATA_SOURCE_ID, r.dataSourceId());
            InferenceRequest parameters = r.parameters();
            if (parameters != null) {
                samplingParameters(parameters, sink);
                if (remote) {
                    sink.put(GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID, parameters.previousResponseId());
                }
            }
        }
        sink.putAll(r.attributes());
    }

    private static void server(String address, Long port, AttributeSink sink) {
        if (address != null) {
            sink.put(SERVER_ADDRESS, address);
            sink.put(SERVER_PORT, port);
        }
    }

    /** The response-side attributes, known at end, including {@code error.type} on failure. */
    static void response(Operation op, AttributeSink sink) {
        switch (op.kind) {
            case INFERENCE:
                InferenceResponse r = (InferenceResponse) op.response;
                if (op.streamed()) {
                    sink.put(GEN_AI_REQUEST_STREAM, Boolean.TRUE);
                    sink.put(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, (op.firstChunkNanos - op.startNanos) / 1e9);
                }
                if (r != null) {
                    sink.put(GEN_AI_RESPONSE_ID, r.responseId());
                    sink.put(GEN_AI_RESPONSE_MODEL, r.responseModel());
                    finishReasons(r.finishReasons(), sink);
                    usage(r.usage(), sink, true);
                    sink.putAll(r.attributes());
                }
                break;
            case EMBEDDINGS:
                if (op.response instanceof EmbeddingsResponse e) {
                    sink.put(GEN_AI_RESPONSE_MODEL, e.responseModel());
                    sink.put(GEN_AI_USAGE_INPUT_TOKENS, e.inputTokens());
                    sink.putAll(e.attributes());
                }
                break;
            case INVOKE_AGENT:
                if (op.response instanceof InferenceResponse agent) {
                    finishReasons(agent.finishReasons(), sink);
                    usage(agent.usage(), sink, false);
                }
                break;
            case CREATE_AGENT:
                if (op.response instanceof String agentId) {
                    sink.put(GEN_AI_AGENT_ID, agentId);
                }
                break;
            default:
                break;
        }
        if (op.errorType != null) {
            sink.put(ERROR_TYPE, op.errorType);
        }
    }

    private static void finishReasons(List<String> reasons, AttributeSink sink) {
        if (reasons.isEmpty()) {
            return;
        }
        List<String> normalized = null;
        for (int i = 0; i < reasons.size(); i++) {
            String reason = reasons.get(i);
            String value = FinishReason.normalize(reason);
            value = value == null ? FinishReason.ERROR : value;
            if (normalized == null && !value.equals(reason)) {
                normalized = new ArrayList<>(reasons.subList(0, i));
            }
            if (normalized != null) {
                normalized.add(value);
            }
        }
        sink.put(GEN_AI_RESPONSE_FINISH_REASONS, normalized == null ? reasons : normalized);
    }

    private static void usage(TokenUsage usage, AttributeSink sink, boolean reasoning) {
        if (usage == null) {
            return;
        }
        sink.put(GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens());
        sink.put(GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens());
        sink.put(GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens());
        sink.put(GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS, usage.cacheWriteInputTokens());
        if (reasoning) {
            sink.put(GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningOutputTokens());
        }
    }

    /**
     * The opt-in content attributes, redacted and within the budgets ({@link RecordedContent}); only called when
     * content is captured for this signal. {@code structured} selects the {@code Value} form (events) over the JSON
     * string (spans). The message, instruction, tool-definition and document values are built when the event is
     * exported ({@link DeferredValue}); a tool execution's arguments and result, which are the application's own
     * objects and may change after the call, are built now.
     */
    static void content(Operation op, AttributeSink sink, boolean structured, boolean toolDetails) {
        RecordedContent content = op.recordedContent();
        if (content.systemJson != null) {
            if (structured) {
                sink.put(SYSTEM_INSTRUCTIONS_VALUE,
                        deferred(content.system, ContentEncoder::systemInstructionsValue, content.systemJson));
            } else {
                sink.put(GEN_AI_SYSTEM_INSTRUCTIONS, content.systemJson);
            }
        }
        if (content.inputJson != null) {
            if (structured) {
                sink.put(INPUT_MESSAGES_VALUE,
                        deferred(content.input, ContentEncoder::inputMessagesValue, content.inputJson));
            } else {
                sink.put(GEN_AI_INPUT_MESSAGES, content.inputJson);
            }
        }
        if (content.toolsJson != null) {
            if (structured) {
                sink.put(TOOL_DEFINITIONS_VALUE, deferred(content.tools,
                        tools -> ContentEncoder.toolDefinitionsValue(tools, toolDetails), content.toolsJson));
            } else {
                sink.put(GEN_AI_TOOL_DEFINITIONS, content.toolsJson);
            }
        }
        if (content.outputJson != null) {
            if (structured) {
                sink.put(OUTPUT_MESSAGES_VALUE,
                        deferred(content.output, ContentEncoder::outputMessagesValue, content.outputJson));
            } else {
                sink.put(GEN_AI_OUTPUT_MESSAGES, content.outputJson);
            }
        }
        if (content.argumentsJson != null) {
            if (structured) {
                sink.put(TOOL_CALL_ARGUMENTS_VALUE, ContentEncoder.anyValue(content.arguments));
            } else {
                sink.put(GEN_AI_TOOL_CALL_ARGUMENTS, content.argumentsJson);
            }
        }
        if (content.resultJson != null) {
            if (structured) {
                sink.put(TOOL_CALL_RESULT_VALUE, ContentEncoder.anyValue(content.result));
            } else {
                sink.put(GEN_AI_TOOL_CALL_RESULT, content.resultJson);
            }
        }
        sink.put(GEN_AI_RETRIEVAL_QUERY_TEXT, content.query);
        if (content.documentsJson != null) {
            if (structured) {
                sink.put(RETRIEVAL_DOCUMENTS_VALUE,
                        deferred(content.documents, ContentEncoder::retrievalDocumentsValue, content.documentsJson));
            } else {
                sink.put(GEN_AI_RETRIEVAL_DOCUMENTS, content.documentsJson);
            }
        }
        if (content.truncated || op.contentTruncated()) {
            sink.put(GEN_AI_CONTENT_TRUNCATED, Boolean.TRUE);
        }
    }

    private static <T> Value<?> deferred(T content, Function<T, Value<?>> encoder, String json) {
        return new DeferredValue(() -> encoder.apply(content), json);
    }

    /** True for operations whose token usage is recorded on metrics ({@code fetch_response} never is). */
    static boolean reportsUsage(Operation op) {
        return !OperationName.FETCH_RESPONSE.equals(op.operationName());
    }
}
