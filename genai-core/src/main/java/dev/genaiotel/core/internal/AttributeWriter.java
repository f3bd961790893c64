package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_DESCRIPTION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_VERSION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_CHOICE_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_SEED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_DOCUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_QUERY_TEXT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_INPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_OUTPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.MediaUsage;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.TokenModality;
import dev.genaiotel.semconv.message.ContentEncoder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The attribute groups that several kinds of operation share, and the opt-in content attributes. */
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

    static void operation(String operationName, AttributeSink sink) {
        sink.put(GEN_AI_OPERATION_NAME, operationName);
    }

    /** The request parameters shared by inference and agent spans. */
    static void samplingParameters(InferenceRequest r, AttributeSink sink) {
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

    /** The agent attributes of {@code invoke_agent} and {@code create_agent}; a remote agent's service too. */
    static void agent(AgentRequest r, boolean remote, AttributeSink sink) {
        if (remote) {
            sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
            sink.put(GEN_AI_AGENT_ID, r.agentId());
            sink.put(GEN_AI_AGENT_VERSION, r.agentVersion());
            server(r.serverAddress(), r.serverPort(), sink);
        }
        sink.put(GEN_AI_AGENT_NAME, r.agentName());
        sink.put(GEN_AI_AGENT_DESCRIPTION, r.agentDescription());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
    }

    static void server(String address, Long port, AttributeSink sink) {
        if (address != null) {
            sink.put(SERVER_ADDRESS, address);
            sink.put(SERVER_PORT, port);
        }
    }

    static void finishReasons(List<String> reasons, AttributeSink sink) {
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

    static void usage(TokenUsage usage, AttributeSink sink, boolean reasoning) {
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
     * {@code gen_ai.usage.{text,image,audio}.*} (conventions v0.1.0), for the modalities the provider counted; other
     * modalities have no attribute of their own.
     */
    static void modalityUsage(TokenUsage usage, AttributeSink sink) {
        if (usage == null) {
            return;
        }
        for (TokenUsage.ModalityTokens tokens : usage.modalities()) {
            switch (tokens.modality()) {
                case TokenModality.TEXT:
                    sink.put(GEN_AI_USAGE_TEXT_INPUT_TOKENS, tokens.inputTokens());
                    sink.put(GEN_AI_USAGE_TEXT_OUTPUT_TOKENS, tokens.outputTokens());
                    sink.put(GEN_AI_USAGE_TEXT_CACHE_READ_INPUT_TOKENS, tokens.cacheReadInputTokens());
                    break;
                case TokenModality.IMAGE:
                    sink.put(GEN_AI_USAGE_IMAGE_INPUT_TOKENS, tokens.inputTokens());
                    sink.put(GEN_AI_USAGE_IMAGE_OUTPUT_TOKENS, tokens.outputTokens());
                    sink.put(GEN_AI_USAGE_IMAGE_CACHE_READ_INPUT_TOKENS, tokens.cacheReadInputTokens());
                    break;
                case TokenModality.AUDIO:
                    sink.put(GEN_AI_USAGE_AUDIO_INPUT_TOKENS, tokens.inputTokens());
                    sink.put(GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS, tokens.outputTokens());
                    sink.put(GEN_AI_USAGE_AUDIO_CACHE_READ_INPUT_TOKENS, tokens.cacheReadInputTokens());
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * {@code gen_ai.usage.audio.input_seconds}, {@code .output_seconds}, {@code gen_ai.usage.image.input_count},
     * {@code .output_count} (ours, under every conventions version), for the figures the provider reported.
     */
    static void mediaUsage(MediaUsage usage, AttributeSink sink) {
        if (usage == null) {
            return;
        }
        sink.put(GEN_AI_USAGE_AUDIO_INPUT_SECONDS, usage.inputAudioSeconds());
        sink.put(GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS, usage.outputAudioSeconds());
        sink.put(GEN_AI_USAGE_IMAGE_INPUT_COUNT, usage.inputImages());
        sink.put(GEN_AI_USAGE_IMAGE_OUTPUT_COUNT, usage.outputImages());
    }

    /**
     * The opt-in content attributes, redacted and within the budgets ({@link RecordedContent}); only called when
     * content is captured for this signal. {@code structured} selects the {@code Value} form (events) over the JSON
     * string (spans). The message, instruction, tool-definition and document values are built when the event is
     * exported ({@link DeferredValue}); a tool execution's arguments and result, which are the application's own
     * objects and may change after the call, are built now.
     */
    static void content(Operation<?, ?> op, AttributeSink sink, boolean structured, boolean toolDetails) {
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
    static boolean reportsUsage(String operationName) {
        return !OperationName.FETCH_RESPONSE.equals(operationName);
    }
}
