package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CitationGeneratedContent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConverseContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.S3Location;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.VideoBlock;

/**
 * Converse and ConverseStream requests and responses in the terms of the inference span (the GenAI inference span
 * and the AWS Bedrock page of the conventions). Content (messages, system prompt, tool definitions, the answer) is
 * handed to the core as mappings over the SDK's immutable request and response objects: the core runs them only when
 * something records content, possibly after the call returned.
 */
final class ConverseMapping {

    private ConverseMapping() {}

    /** The request of a Converse call. */
    static InferenceRequest request(ConverseRequest request, Endpoint endpoint) {
        String guardrail = request.guardrailConfig() == null ? null : request.guardrailConfig().guardrailIdentifier();
        return request(request.modelId(), request.inferenceConfig(), request.additionalModelRequestFields(),
                guardrail, request.hasSystem() ? request.system() : List.of(),
                request.hasMessages() ? request.messages() : List.of(), request.toolConfig(), false, endpoint);
    }

    /** The request of a ConverseStream call. */
    static InferenceRequest request(ConverseStreamRequest request, Endpoint endpoint) {
        String guardrail = request.guardrailConfig() == null ? null : request.guardrailConfig().guardrailIdentifier();
        return request(request.modelId(), request.inferenceConfig(), request.additionalModelRequestFields(),
                guardrail, request.hasSystem() ? request.system() : List.of(),
                request.hasMessages() ? request.messages() : List.of(), request.toolConfig(), true, endpoint);
    }

    private static InferenceRequest request(String modelId, InferenceConfiguration config, Document additional,
            String guardrailId, List<SystemContentBlock> system, List<Message> messages, ToolConfiguration tools,
            boolean stream, Endpoint endpoint) {
        InferenceRequest.Builder builder = InferenceRequest.builder(OperationName.CHAT, ProviderName.AWS_BEDROCK)
                .model(modelId)
                .stream(stream)
                .server(endpoint.address(), endpoint.port());
        if (config != null) {
            builder.maxTokens(config.maxTokens() == null ? null : config.maxTokens().longValue())
                    .temperature(Decimals.of(config.temperature()))
                    .topP(Decimals.of(config.topP()));
            if (config.hasStopSequences()) {
                builder.stopSequences(config.stopSequences());
            }
        }
        builder.topK(topK(additional));
        if (guardrailId != null && !guardrailId.isEmpty()) {
            builder.attributes(Attributes.of(GenAiAttributes.AWS_BEDROCK_GUARDRAIL_ID, guardrailId));
        }
        return builder.systemInstructions(() -> systemInstructions(system))
                .inputMessages(() -> inputMessages(messages))
                .toolDefinitions(() -> toolDefinitions(tools))
                .build();
    }

    /**
     * {@code top_k} of the model-specific fields: Anthropic's {@code top_k}, Amazon Nova's
     * {@code inferenceConfig.topK}, or a plain {@code topK}.
     */
    static Long topK(Document additional) {
        Long value = Documents.longValue(Documents.member(additional, "top_k"));
        if (value == null) {
            value = Documents.longValue(Documents.member(additional, "topK"));
        }
        if (value == null) {
            value = Documents.longValue(Documents.member(Documents.member(additional, "inferenceConfig"), "topK"));
        }
        return value;
    }

    /** The response of a Converse call. */
    static InferenceResponse response(ConverseResponse response) {
        String stopReason = response.stopReasonAsString();
        InferenceResponse.Builder builder = InferenceResponse.builder()
                .usage(usage(response.usage()));
        if (stopReason != null) {
            builder.finishReasons(List.of(stopReason));
        }
        if (response.output() != null && response.output().message() != null) {
            Message message = response.output().message();
            builder.outputMessages(() -> outputMessages(message, stopReason));
        }
        return builder.build();
    }

    /**
     * The usage: Bedrock reports cache reads and writes apart from {@code inputTokens}, so they are added to the
     * input tokens (the AWS Bedrock page of the GenAI conventions) and also recorded on their own.
     */
    static dev.genaiotel.core.TokenUsage usage(software.amazon.awssdk.services.bedrockruntime.model.TokenUsage usage) {
        if (usage == null) {
            return null;
        }
        Long input = toLong(usage.inputTokens());
        Long read = toLong(usage.cacheReadInputTokens());
        Long write = toLong(usage.cacheWriteInputTokens());
        if (input != null) {
            input = input + (read == null ? 0 : read) + (write == null ? 0 : write);
        }
        return new dev.genaiotel.core.TokenUsage(input, toLong(usage.outputTokens()), read, write, null);
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    /** The answer of a Converse call. */
    static List<OutputMessage> outputMessages(Message message, String stopReason) {
        String reason = stopReason == null ? FinishReason.ERROR : FinishReason.normalize(stopReason);
        return List.of(new OutputMessage(message.roleAsString() == null ? Role.ASSISTANT : message.roleAsString(),
                parts(message.hasContent() ? message.content() : List.of()), reason));
    }

    static List<MessagePart> systemInstructions(List<SystemContentBlock> system) {
        List<MessagePart> parts = new ArrayList<>(system.size());
        for (SystemContentBlock block : system) {
            if (block.text() != null) {
                parts.add(new MessagePart.Text(block.text()));
            } else if (block.guardContent() != null && block.guardContent().text() != null
                    && block.guardContent().text().text() != null) {
                parts.add(new MessagePart.Text(block.guardContent().text().text()));
            }
        }
        return parts;
    }

    static List<InputMessage> inputMessages(List<Message> messages) {
        List<InputMessage> result = new ArrayList<>(messages.size());
        for (Message message : messages) {
            String role = message.roleAsString() == null ? Role.USER : message.roleAsString();
            result.add(new InputMessage(role, parts(message.hasContent() ? message.content() : List.of())));
        }
        return result;
    }

    static List<ToolDefinition> toolDefinitions(ToolConfiguration config) {
        if (config == null || !config.hasTools()) {
            return List.of();
        }
        List<ToolDefinition> result = new ArrayList<>(config.tools().size());
        for (Tool tool : config.tools()) {
            ToolDefinition definition = FailSoft.get("converse tool definition", () -> toolDefinition(tool));
            if (definition != null) {
                result.add(definition);
            }
        }
        return result;
    }

    private static ToolDefinition toolDefinition(Tool tool) {
        ToolSpecification spec = tool.toolSpec();
        if (spec != null && spec.name() != null) {
            Object schema = spec.inputSchema() == null ? null : Documents.toJava(spec.inputSchema().json());
            return new FunctionToolDefinition(spec.name(), spec.description(), schema);
        }
        // Older SDK versions have no system tools: there this read fails and costs this tool only.
        if (tool.systemTool() != null && tool.systemTool().name() != null) {
            return new GenericToolDefinition("system_tool", tool.systemTool().name());
        }
        return null;
    }

    static List<MessagePart> parts(List<ContentBlock> blocks) {
        List<MessagePart> parts = new ArrayList<>(blocks.size());
        for (ContentBlock block : blocks) {
            MessagePart part = FailSoft.get("converse content block", () -> part(block));
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** One content block as a message part; a block the conventions do not name becomes a generic part. */
    static MessagePart part(ContentBlock block) {
        ContentBlock.Type type = block.type();
        if (type == null) {
            return null;
        }
        switch (type) {
            case TEXT:
                return new MessagePart.Text(block.text());
            case IMAGE:
                return image(block.image());
            case DOCUMENT:
                return document(block.document());
            case VIDEO:
                return video(block.video());
            case AUDIO:
                return media(block.audio().source() == null ? null : block.audio().source().bytes(),
                        block.audio().source() == null ? null : block.audio().source().s3Location(),
                        "audio/" + lower(block.audio().formatAsString()), Modality.AUDIO);
            case TOOL_USE:
                return toolUse(block.toolUse());
            case TOOL_RESULT:
                return toolResult(block.toolResult());
            case GUARD_CONTENT:
                return guardContent(block.guardContent());
            case CACHE_POINT:
                return cachePoint(block.cachePoint());
            case REASONING_CONTENT:
                return reasoning(block.reasoningContent());
            case CITATIONS_CONTENT:
                return citations(block.citationsContent().hasContent() ? block.citationsContent().content()
                        : List.of());
            case SEARCH_RESULT:
                return generic("search_result", "source", block.searchResult().source(), "title",
                        block.searchResult().title());
            default:
                return generic(lower(type.name()));
        }
    }

    private static MessagePart image(ImageBlock image) {
        return media(image.source() == null ? null : image.source().bytes(),
                image.source() == null ? null : image.source().s3Location(),
                "image/" + lower(image.formatAsString()), Modality.IMAGE);
    }

    private static MessagePart video(VideoBlock video) {
        return media(video.source() == null ? null : video.source().bytes(),
                video.source() == null ? null : video.source().s3Location(),
                MediaTypes.video(lower(video.formatAsString())), Modality.VIDEO);
    }

    private static MessagePart document(DocumentBlock document) {
        String mimeType = MediaTypes.document(lower(document.formatAsString()));
        DocumentSource source = document.source();
        if (source == null) {
            return generic("document", "name", document.name());
        }
        String text = FailSoft.get("converse document text", () -> documentText(source));
        if (text != null) {
            return new MessagePart.Blob(mimeType, Modality.DOCUMENT, text.getBytes(StandardCharsets.UTF_8));
        }
        return media(source.bytes(), source.s3Location(), mimeType, Modality.DOCUMENT);
    }

    /** A document given as text or text blocks, else null; older SDK versions have neither (a LinkageError). */
    private static String documentText(DocumentSource source) {
        if (source.text() != null) {
            return source.text();
        }
        if (!source.hasContent()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (DocumentContentBlock block : source.content()) {
            if (block.text() != null) {
                text.append(block.text());
            }
        }
        return text.toString();
    }

    private static MessagePart media(SdkBytes bytes, S3Location location, String mimeType, String modality) {
        if (bytes != null) {
            return new MessagePart.Blob(mimeType, modality, bytes.asByteArrayUnsafe());
        }
        if (location != null && location.uri() != null) {
            return new MessagePart.Uri(mimeType, modality, location.uri());
        }
        return generic(modality);
    }

    private static MessagePart toolUse(ToolUseBlock toolUse) {
        if (toolUse.name() == null) {
            return generic("tool_use");
        }
        return new MessagePart.ToolCallRequest(toolUse.toolUseId(), toolUse.name(), Documents.toJava(toolUse.input()));
    }

    private static MessagePart toolResult(ToolResultBlock result) {
        List<ToolResultContentBlock> content = result.hasContent() ? result.content() : List.of();
        Object response;
        if (content.size() == 1 && content.get(0).json() != null) {
            response = Documents.toJava(content.get(0).json());
        } else if (content.size() == 1 && content.get(0).text() != null) {
            response = content.get(0).text();
        } else {
            List<Object> items = new ArrayList<>(content.size());
            for (ToolResultContentBlock block : content) {
                items.add(toolResultItem(block));
            }
            response = items;
        }
        return new MessagePart.ToolCallResponse(result.toolUseId(), response);
    }

    private static Object toolResultItem(ToolResultContentBlock block) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (block.text() != null) {
            item.put("type", "text");
            item.put("text", block.text());
        } else if (block.json() != null) {
            item.put("type", "json");
            item.put("json", Documents.toJava(block.json()));
        } else if (block.image() != null) {
            item.put("type", "image");
            item.put("format", block.image().formatAsString());
        } else if (block.document() != null) {
            item.put("type", "document");
            item.put("format", block.document().formatAsString());
            item.put("name", block.document().name());
        } else if (block.video() != null) {
            item.put("type", "video");
            item.put("format", block.video().formatAsString());
        } else {
            item.put("type", block.type() == null ? "unknown" : lower(block.type().name()));
        }
        return item;
    }

    private static MessagePart guardContent(GuardrailConverseContentBlock guard) {
        if (guard.text() != null && guard.text().text() != null) {
            return new MessagePart.Text(guard.text().text());
        }
        return generic("guard_content");
    }

    private static MessagePart cachePoint(CachePointBlock cachePoint) {
        return generic("cache_point", "cache_point_type", cachePoint.typeAsString());
    }

    private static MessagePart reasoning(ReasoningContentBlock reasoning) {
        if (reasoning.reasoningText() != null && reasoning.reasoningText().text() != null) {
            return new MessagePart.Reasoning(reasoning.reasoningText().text());
        }
        return generic("redacted_reasoning");
    }

    private static MessagePart citations(List<CitationGeneratedContent> content) {
        StringBuilder text = new StringBuilder();
        for (CitationGeneratedContent generated : content) {
            if (generated.text() != null) {
                text.append(generated.text());
            }
        }
        return new MessagePart.Text(text.toString());
    }

    private static MessagePart generic(String type, Object... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                properties.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new MessagePart.GenericPart(type, properties);
    }

    private static String lower(String value) {
        return value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
    }
}
