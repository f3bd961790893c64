package dev.genaiotel.spring.internal;

import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Describes Spring AI's model calls in the core's terms, from what its observations carry: the {@link Prompt} and
 * its {@link ChatOptions} for the request, the {@link ChatResponse} and its metadata for the response. Content is
 * mapped only when the core asks for it.
 */
final class SpringAiMapping {

    private SpringAiMapping() {}

    /** The conventions' provider name for Spring AI's ({@code AiProvider}). */
    static String providerName(String springAiProvider) {
        if (springAiProvider == null || springAiProvider.isBlank()) {
            return "spring_ai";
        }
        return switch (springAiProvider) {
            case "bedrock_converse" -> ProviderName.AWS_BEDROCK;
            case "vertex_ai" -> ProviderName.GCP_VERTEX_AI;
            case "google_genai" -> ProviderName.GCP_GEN_AI;
            default -> springAiProvider;
        };
    }

    static InferenceRequest chatRequest(String providerName, Prompt prompt, boolean stream) {
        ChatOptions options = prompt == null ? null : prompt.getOptions();
        InferenceRequest.Builder builder = InferenceRequest.chat(providerName,
                options == null ? null : options.getModel());
        builder.stream(stream);
        if (options != null) {
            builder.temperature(options.getTemperature())
                    .topP(options.getTopP())
                    .topK(toLong(options.getTopK()))
                    .maxTokens(toLong(options.getMaxTokens()))
                    .frequencyPenalty(options.getFrequencyPenalty())
                    .presencePenalty(options.getPresencePenalty())
                    .stopSequences(options.getStopSequences());
            if (options instanceof ToolCallingChatOptions tools) {
                builder.toolDefinitions(() -> toolDefinitions(tools.getToolCallbacks()));
            }
        }
        if (prompt != null) {
            builder.inputMessages(() -> inputMessages(prompt.getInstructions()));
        }
        return builder.build();
    }

    static InferenceResponse chatResponse(ChatResponse response) {
        if (response == null) {
            return InferenceResponse.empty();
        }
        InferenceResponse.Builder builder = InferenceResponse.builder();
        ChatResponseMetadata metadata = response.getMetadata();
        if (metadata != null) {
            builder.responseId(blankToNull(metadata.getId()))
                    .responseModel(blankToNull(metadata.getModel()))
                    .usage(usage(metadata.getUsage()));
        }
        List<Generation> generations = response.getResults();
        List<String> reasons = new ArrayList<>(generations.size());
        for (Generation generation : generations) {
            reasons.add(finishReason(generation));
        }
        if (!generations.isEmpty()) {
            builder.finishReasons(reasons);
            builder.outputMessages(() -> outputMessages(generations, reasons));
        }
        return builder.build();
    }

    static EmbeddingsRequest embeddingsRequest(String providerName, EmbeddingRequest request) {
        EmbeddingOptions options = request == null ? null : request.getOptions();
        if (options == null) {
            return EmbeddingsRequest.of(providerName, null);
        }
        return new EmbeddingsRequest(providerName, options.getModel(), toLong(options.getDimensions()), null, null,
                null, null);
    }

    static EmbeddingsResponse embeddingsResponse(EmbeddingResponse response) {
        if (response == null || response.getMetadata() == null) {
            return EmbeddingsResponse.of(null, null);
        }
        Usage usage = response.getMetadata().getUsage();
        Integer input = usage == null ? null : usage.getPromptTokens();
        return EmbeddingsResponse.of(blankToNull(response.getMetadata().getModel()),
                input == null || input == 0 ? null : input.longValue());
    }

    /** Spring AI's finish reason in the conventions' words: providers' own spellings, any case. */
    static String finishReason(Generation generation) {
        String raw = generation.getMetadata() == null ? null : generation.getMetadata().getFinishReason();
        if (raw == null || raw.isBlank()) {
            return FinishReason.ERROR;
        }
        String normalized = FinishReason.normalize(raw);
        return normalized.equals(raw) ? FinishReason.normalize(raw.toLowerCase(Locale.ROOT)) : normalized;
    }

    private static TokenUsage usage(Usage usage) {
        if (usage == null) {
            return null;
        }
        Integer input = usage.getPromptTokens();
        Integer output = usage.getCompletionTokens();
        if ((input == null || input == 0) && (output == null || output == 0)) {
            return null;
        }
        return new TokenUsage(toLong(input), toLong(output), null, null, null);
    }

    static List<InputMessage> inputMessages(List<Message> messages) {
        List<InputMessage> result = new ArrayList<>(messages.size());
        for (Message message : messages) {
            if (message instanceof SystemMessage system) {
                result.add(new InputMessage(Role.SYSTEM, text(system.getText())));
            } else if (message instanceof UserMessage user) {
                List<MessagePart> parts = new ArrayList<>(text(user.getText()));
                for (Media media : user.getMedia()) {
                    parts.add(media(media));
                }
                result.add(new InputMessage(Role.USER, parts));
            } else if (message instanceof AssistantMessage assistant) {
                result.add(new InputMessage(Role.ASSISTANT, assistantParts(assistant)));
            } else if (message instanceof ToolResponseMessage tool) {
                List<MessagePart> parts = new ArrayList<>(tool.getResponses().size());
                for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
                    parts.add(new MessagePart.ToolCallResponse(response.id(), response.responseData()));
                }
                result.add(new InputMessage(Role.TOOL, parts));
            }
        }
        return result;
    }

    private static List<OutputMessage> outputMessages(List<Generation> generations, List<String> reasons) {
        List<OutputMessage> result = new ArrayList<>(generations.size());
        for (int i = 0; i < generations.size(); i++) {
            AssistantMessage output = generations.get(i).getOutput();
            result.add(new OutputMessage(Role.ASSISTANT, output == null ? List.of() : assistantParts(output),
                    reasons.get(i)));
        }
        return result;
    }

    private static List<MessagePart> assistantParts(AssistantMessage message) {
        List<MessagePart> parts = new ArrayList<>(text(message.getText()));
        for (AssistantMessage.ToolCall call : message.getToolCalls()) {
            parts.add(new MessagePart.ToolCallRequest(call.id(), call.name() == null ? "" : call.name(),
                    call.arguments()));
        }
        return parts;
    }

    private static MessagePart media(Media media) {
        String mimeType = media.getMimeType() == null ? null : media.getMimeType().toString();
        String modality = media.getMimeType() == null ? null : media.getMimeType().getType();
        Object data = media.getData();
        if (data instanceof byte[] bytes) {
            return new MessagePart.Blob(mimeType, modality, bytes);
        }
        if (data instanceof URI || data instanceof java.net.URL || data instanceof String) {
            return new MessagePart.Uri(mimeType, modality, data.toString());
        }
        return new MessagePart.Blob(mimeType, modality, media.getDataAsByteArray());
    }

    static List<ToolDefinition> toolDefinitions(List<ToolCallback> callbacks) {
        if (callbacks == null || callbacks.isEmpty()) {
            return List.of();
        }
        List<ToolDefinition> result = new ArrayList<>(callbacks.size());
        for (ToolCallback callback : callbacks) {
            org.springframework.ai.tool.definition.ToolDefinition definition = callback.getToolDefinition();
            result.add(new FunctionToolDefinition(definition.name(), definition.description(),
                    definition.inputSchema()));
        }
        return result;
    }

    private static List<MessagePart> text(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(new MessagePart.Text(text));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
