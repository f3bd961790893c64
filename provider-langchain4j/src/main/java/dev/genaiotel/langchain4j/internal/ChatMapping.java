package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OutputType;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a LangChain4j chat call in the core's terms: {@link ChatRequest} to {@link InferenceRequest} and
 * {@link ChatResponse} to {@link InferenceResponse}. Content (messages, tool definitions) is built only when asked
 * for, so that a call without content capture allocates no message objects.
 */
public final class ChatMapping {

    private ChatMapping() {}

    /**
     * The inference request of a chat call.
     *
     * @param request what LangChain4j sends (after the model's default parameters were applied)
     * @param provider the model's provider, or null
     * @param otherProviderName the provider name for an unknown provider
     * @param stream whether the call streams
     */
    public static InferenceRequest request(ChatRequest request, ModelProvider provider, String otherProviderName,
            boolean stream) {
        return request(request.messages(), request.parameters(), provider, otherProviderName, stream);
    }

    /**
     * The inference request of a chat call given by its parts.
     *
     * @param messages the messages sent
     * @param parameters the effective parameters, or null
     * @param provider the model's provider, or null
     * @param otherProviderName the provider name for an unknown provider
     * @param stream whether the call streams
     */
    public static InferenceRequest request(List<ChatMessage> messages, ChatRequestParameters parameters,
            ModelProvider provider, String otherProviderName, boolean stream) {
        InferenceRequest.Builder builder = InferenceRequest.chat(ProviderNames.of(provider, otherProviderName),
                parameters == null ? null : parameters.modelName());
        builder.stream(stream);
        if (parameters != null) {
            builder.temperature(parameters.temperature())
                    .topP(parameters.topP())
                    .topK(toLong(parameters.topK()))
                    .maxTokens(toLong(parameters.maxOutputTokens()))
                    .frequencyPenalty(parameters.frequencyPenalty())
                    .presencePenalty(parameters.presencePenalty())
                    .stopSequences(parameters.stopSequences())
                    .outputType(outputType(parameters.responseFormat()));
            ProviderDetails.request(parameters, builder);
        }
        builder.inputMessages(() -> inputMessages(messages));
        if (parameters != null) {
            builder.toolDefinitions(() -> toolDefinitions(parameters.toolSpecifications()));
        }
        return builder.build();
    }

    /**
     * The inference response of a chat call.
     *
     * @param response what the model answered
     */
    public static InferenceResponse response(ChatResponse response) {
        String finishReason = finishReason(response.finishReason());
        InferenceResponse.Builder builder = InferenceResponse.builder()
                .responseId(response.id())
                .responseModel(response.modelName())
                .usage(Usage.of(response.tokenUsage()));
        if (finishReason != null) {
            builder.finishReasons(List.of(finishReason));
        }
        ProviderDetails.response(response.metadata(), builder);
        if (response.aiMessage() != null) {
            builder.outputMessages(() -> List.of(new OutputMessage(Role.ASSISTANT, aiParts(response.aiMessage()),
                    finishReason == null ? FinishReason.ERROR : finishReason)));
        }
        return builder.build();
    }

    /** The semconv finish reason of a LangChain4j one, or null when there is none. */
    static String finishReason(dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALL;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> "other";
        };
    }

    /** The messages as sent, in order; system messages stay among them. */
    static List<InputMessage> inputMessages(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            return List.of();
        }
        List<InputMessage> result = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            InputMessage converted = inputMessage(message);
            if (converted != null) {
                result.add(converted);
            }
        }
        return result;
    }

    /** One message, or null for a message kind with no semconv form (custom messages). */
    static InputMessage inputMessage(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return new InputMessage(Role.SYSTEM, textParts(system.text()));
        }
        if (message instanceof UserMessage user) {
            return new InputMessage(Role.USER, Contents.parts(user.contents()), user.name());
        }
        if (message instanceof AiMessage ai) {
            return new InputMessage(Role.ASSISTANT, aiParts(ai));
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return new InputMessage(Role.TOOL, List.of(new MessagePart.ToolCallResponse(result.id(), result.text())));
        }
        return null;
    }

    static List<MessagePart> aiParts(AiMessage message) {
        List<MessagePart> parts = new ArrayList<>(2);
        if (message.thinking() != null && !message.thinking().isEmpty()) {
            parts.add(new MessagePart.Reasoning(message.thinking()));
        }
        if (message.text() != null) {
            parts.add(new MessagePart.Text(message.text()));
        }
        if (message.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                parts.add(toolCall(call));
            }
        }
        return parts;
    }

    static MessagePart toolCall(ToolExecutionRequest call) {
        return new MessagePart.ToolCallRequest(call.id(), call.name() == null ? "" : call.name(), call.arguments());
    }

    static List<ToolDefinition> toolDefinitions(List<ToolSpecification> specifications) {
        if (specifications == null || specifications.isEmpty()) {
            return List.of();
        }
        List<ToolDefinition> result = new ArrayList<>(specifications.size());
        for (ToolSpecification specification : specifications) {
            Object schema = null;
            if (specification.parameters() != null) {
                try {
                    schema = JsonSchemaElementJsonUtils.toMap(specification.parameters());
                } catch (RuntimeException | LinkageError failure) {
                    FailSoft.log("tool parameters", failure);
                }
            }
            result.add(new FunctionToolDefinition(specification.name(), specification.description(), schema));
        }
        return result;
    }

    private static List<MessagePart> textParts(String text) {
        return text == null ? List.of() : List.of(new MessagePart.Text(text));
    }

    private static String outputType(ResponseFormat format) {
        if (format == null || format.type() == null) {
            return null;
        }
        return switch (format.type()) {
            case JSON -> OutputType.JSON;
            case TEXT -> OutputType.TEXT;
            default -> null;
        };
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
