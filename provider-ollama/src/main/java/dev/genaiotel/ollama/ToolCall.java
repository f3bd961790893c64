package dev.genaiotel.ollama;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function call requested by the model, one element of an Ollama message's {@code tool_calls}
 * ({@code {"id": ..., "function": {"name": ..., "arguments": {...}}}}).
 *
 * @param id the call's id, sent by recent Ollama versions; null when absent
 * @param name the function's name
 * @param arguments the arguments as a JSON object (maps, lists, strings, numbers, booleans, nulls); empty when none
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {

    /** Checks the name and copies the arguments (nulls allowed inside). */
    public ToolCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A call without an id. */
    public static ToolCall of(String name, Map<String, Object> arguments) {
        return new ToolCall(null, name, arguments);
    }
}
