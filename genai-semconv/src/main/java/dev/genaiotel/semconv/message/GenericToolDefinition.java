package dev.genaiotel.semconv.message;

import static dev.genaiotel.semconv.internal.Checks.copyOfProperties;
import static dev.genaiotel.semconv.internal.Checks.required;
import static dev.genaiotel.semconv.internal.Checks.requiredText;

import java.util.Map;

/**
 * Any other tool, such as a provider's built-in code interpreter or web search, written as its type and name plus
 * the given properties.
 *
 * @param type the tool's type; not blank
 * @param name the tool's name
 * @param properties further fields, in order; recorded only with tool-definition details on; must not contain
 *     {@code type} or {@code name}
 */
public record GenericToolDefinition(String type, String name, Map<String, Object> properties)
        implements ToolDefinition {

    /** Checks the required fields and copies the properties. */
    public GenericToolDefinition {
        requiredText(type, "GenericToolDefinition", "type");
        required(name, "GenericToolDefinition", "name");
        properties = copyOfProperties(properties, "GenericToolDefinition", "properties");
        if (properties.containsKey("type") || properties.containsKey("name")) {
            throw new IllegalArgumentException("GenericToolDefinition.properties must not contain 'type' or 'name'");
        }
    }

    /** A tool with no further properties. */
    public GenericToolDefinition(String type, String name) {
        this(type, name, Map.of());
    }
}
