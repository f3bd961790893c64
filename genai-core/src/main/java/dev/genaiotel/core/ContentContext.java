package dev.genaiotel.core;

import java.util.Objects;

/**
 * Where a piece of content handed to a {@link ContentRedactor} is going to be recorded.
 *
 * @param operationName {@code gen_ai.operation.name} of the operation, such as {@code chat} or
 *     {@code execute_tool}
 * @param attribute the content attribute the part belongs to: {@code gen_ai.system_instructions},
 *     {@code gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code gen_ai.tool.call.arguments},
 *     {@code gen_ai.tool.call.result}, {@code gen_ai.retrieval.query.text} or {@code gen_ai.agent.step.content}
 * @param role the role of the message the part belongs to (such as {@code user}, {@code assistant}, {@code tool});
 *     null outside messages
 */
public record ContentContext(String operationName, String attribute, String role) {

    /** Checks the required fields. */
    public ContentContext {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(attribute, "attribute");
    }
}
