package dev.genaiotel.semconv.message;

import static dev.genaiotel.semconv.internal.Checks.copyOfElements;
import static dev.genaiotel.semconv.internal.Checks.required;

import java.util.List;

/**
 * A message sent to the model, one element of {@code gen_ai.input.messages}, in the order it was sent.
 *
 * @param role the role, see {@code dev.genaiotel.semconv.Role}; custom roles are allowed
 * @param parts the message's parts, in order
 * @param name the participant's name, or null
 */
public record InputMessage(String role, List<MessagePart> parts, String name) {

    /** Checks the required fields and copies the parts. */
    public InputMessage {
        required(role, "InputMessage", "role");
        parts = copyOfElements(parts, "InputMessage", "parts");
    }

    /** A message without a participant name. */
    public InputMessage(String role, List<MessagePart> parts) {
        this(role, parts, null);
    }

    /** A message with one text part. */
    public static InputMessage text(String role, String content) {
        return new InputMessage(role, List.of(new MessagePart.Text(content)), null);
    }
}
