package dev.genaiotel.anthropic.internal;

import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic content blocks, read from their wire form ({@link Trees}), to the conventions' message parts. The same
 * mapping serves both directions and streamed blocks, so a block reads the same wherever it appears:
 *
 * <ul>
 *   <li>{@code text}: a text part; with {@code citations}, a text part that keeps them beside its content</li>
 *   <li>{@code image}, {@code document}: base64 data as a blob, a URL as a uri part, a Files API id as a file part,
 *       a plain-text document as a {@code text/plain} blob</li>
 *   <li>{@code tool_use} / {@code tool_result}: a tool call and its response (the text of a text-only result)</li>
 *   <li>{@code thinking}: reasoning; {@code redacted_thinking}: reasoning with empty content marked
 *       {@code redacted}, since its encrypted data says nothing readable</li>
 *   <li>{@code server_tool_use} (web search, web fetch, code execution, ...) and the {@code *_tool_result} blocks:
 *       server tool call and server tool call response parts</li>
 *   <li>anything else: a generic part of the block's type with its fields</li>
 * </ul>
 */
final class ContentMapping {

    private ContentMapping() {}

    /** One message of the request, {@code {role, content}}, where content is a string or a list of blocks. */
    static InputMessage inputMessage(Map<?, ?> message) {
        String role = Trees.string(message, "role");
        return new InputMessage(role == null ? "user" : role, parts(message.get("content")));
    }

    /** A message's content: a string, or a list of blocks. */
    static List<MessagePart> parts(Object content) {
        if (content instanceof String text) {
            return List.of(new MessagePart.Text(text));
        }
        List<?> blocks = Trees.list(content);
        List<MessagePart> parts = new ArrayList<>(blocks.size());
        for (Object block : blocks) {
            MessagePart part = part(Trees.map(block));
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** One content block, or null for an empty one. */
    static MessagePart part(Map<?, ?> block) {
        String type = Trees.string(block, "type");
        if (type == null || type.isBlank()) {
            return null;
        }
        switch (type) {
            case "text": {
                String text = Trees.string(block, "text");
                if (text == null) {
                    return generic(type, block);
                }
                List<?> citations = Trees.list(block.get("citations"));
                if (citations.isEmpty()) {
                    return new MessagePart.Text(text);
                }
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("content", text);
                properties.put("citations", citations);
                return new MessagePart.GenericPart("text", properties);
            }
            case "image":
                return source(block, Modality.IMAGE);
            case "document":
                return source(block, Modality.DOCUMENT);
            case "thinking": {
                String thinking = Trees.string(block, "thinking");
                return thinking == null ? generic(type, block) : new MessagePart.Reasoning(thinking);
            }
            case "redacted_thinking": {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("content", "");
                properties.put("redacted", true);
                return new MessagePart.GenericPart("reasoning", properties);
            }
            case "tool_use": {
                String name = Trees.string(block, "name");
                return name == null ? generic(type, block)
                        : new MessagePart.ToolCallRequest(Trees.string(block, "id"), name, block.get("input"));
            }
            case "tool_result":
                return new MessagePart.ToolCallResponse(Trees.string(block, "tool_use_id"),
                        toolResult(block.get("content")));
            case "server_tool_use", "mcp_tool_use": {
                String name = Trees.string(block, "name");
                if (name == null) {
                    return generic(type, block);
                }
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("type", name);
                call.putAll(Trees.without(block, "type", "id", "name"));
                return new MessagePart.ServerToolCall(Trees.string(block, "id"), name, call);
            }
            default:
                if (type.endsWith("_tool_result")) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("type", type.substring(0, type.length() - "_tool_result".length()));
                    result.putAll(Trees.without(block, "type", "tool_use_id"));
                    return new MessagePart.ServerToolCallResponse(Trees.string(block, "tool_use_id"), result);
                }
                return generic(type, block);
        }
    }

    /** An image or document: base64 data, a URL, a Files API id, or (documents) plain text. */
    private static MessagePart source(Map<?, ?> block, String modality) {
        Map<?, ?> source = Trees.map(block.get("source"));
        String sourceType = Trees.string(source, "type");
        String mediaType = Trees.string(source, "media_type");
        if ("base64".equals(sourceType)) {
            byte[] bytes = decode(Trees.string(source, "data"));
            if (bytes != null) {
                return new MessagePart.Blob(mediaType, modality, bytes);
            }
        } else if ("url".equals(sourceType) && Trees.string(source, "url") != null) {
            return new MessagePart.Uri(mediaType, modality, Trees.string(source, "url"));
        } else if ("file".equals(sourceType) && Trees.string(source, "file_id") != null) {
            return new MessagePart.File(mediaType, modality, Trees.string(source, "file_id"));
        } else if ("text".equals(sourceType) && Trees.string(source, "data") != null) {
            return new MessagePart.Blob(mediaType == null ? "text/plain" : mediaType, modality,
                    Trees.string(source, "data").getBytes(StandardCharsets.UTF_8));
        }
        return new MessagePart.GenericPart(String.valueOf(block.get("type")),
                Map.of("modality", modality, "source_type", String.valueOf(sourceType)));
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A tool result: its text when the content is a string or only text blocks, else the blocks as parts. */
    private static Object toolResult(Object content) {
        if (content == null || content instanceof String) {
            return content;
        }
        List<?> blocks = Trees.list(content);
        StringBuilder text = new StringBuilder();
        for (Object element : blocks) {
            Map<?, ?> block = Trees.map(element);
            String piece = "text".equals(Trees.string(block, "type")) ? Trees.string(block, "text") : null;
            if (piece == null) {
                return parts(content);
            }
            text.append(piece);
        }
        return text.toString();
    }

    private static MessagePart.GenericPart generic(String type, Map<?, ?> block) {
        return new MessagePart.GenericPart(type, Trees.without(block, "type"));
    }

    /**
     * The request's tools: client tools ({@code custom}, or no type) as function definitions with their schema,
     * Anthropic's built-in and server tools ({@code web_search_20250305}, {@code bash_20250124}, ...) as generic
     * definitions of their versioned type.
     */
    static List<ToolDefinition> toolDefinitions(List<?> tools) {
        List<ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (Object element : tools) {
            Map<?, ?> tool = Trees.map(element);
            String name = Trees.string(tool, "name");
            String type = Trees.string(tool, "type");
            if (name == null) {
                continue;
            }
            if (type == null || type.isBlank() || "custom".equals(type)) {
                definitions.add(new FunctionToolDefinition(name, Trees.string(tool, "description"),
                        tool.get("input_schema")));
            } else {
                definitions.add(new GenericToolDefinition(type, name));
            }
        }
        return definitions;
    }
}
