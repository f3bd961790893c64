package dev.genaiotel.ollama;

import java.util.List;
import java.util.Objects;

/**
 * One message of an Ollama chat ({@code messages[]} in a request, {@code message} in a response).
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; empty when the message carries only tool calls or images
 * @param thinking the model's reasoning ({@code thinking}), or null
 * @param images base64-encoded images ({@code images}); empty when none
 * @param toolCalls function calls requested by the model ({@code tool_calls}); empty when none
 * @param toolName for a {@code tool} message, the function whose result this is ({@code tool_name}), or null
 */
public record ChatMessage(
        String role, String content, String thinking, List<String> images, List<ToolCall> toolCalls,
        String toolName) {

    /** Checks the role and copies the lists. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        images = images == null ? List.of() : List.copyOf(images);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A {@code system} message. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, null, null, null, null);
    }

    /** A {@code user} message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, null, null, null, null);
    }

    /** A {@code user} message with base64-encoded images. */
    public static ChatMessage user(String content, List<String> base64Images) {
        return new ChatMessage("user", content, null, base64Images, null, null);
    }

    /** An {@code assistant} message, as sent back in a conversation's history. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, null, null, null, null);
    }

    /** An {@code assistant} message that requested tool calls. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", content, null, null, toolCalls, null);
    }

    /** A {@code tool} message carrying a function's result. */
    public static ChatMessage tool(String toolName, String content) {
        return new ChatMessage("tool", content, null, null, null, toolName);
    }
}
