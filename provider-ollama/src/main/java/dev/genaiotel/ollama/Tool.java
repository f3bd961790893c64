package dev.genaiotel.ollama;

import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call, one element of {@code tools}
 * ({@code {"type": "function", "function": {"name", "description", "parameters"}}}).
 *
 * @param name the function's name
 * @param description what the function does, or null
 * @param parameters the JSON schema of the arguments, as maps and lists; null when none
 */
public record Tool(String name, String description, Map<String, Object> parameters) {

    /** Checks the name. */
    public Tool {
        Objects.requireNonNull(name, "name");
    }
}
