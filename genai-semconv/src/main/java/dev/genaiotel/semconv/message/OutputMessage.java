package dev.genaiotel.semconv.message;

import static dev.genaiotel.semconv.internal.Checks.copyOfElements;
import static dev.genaiotel.semconv.internal.Checks.required;

import java.util.List;

/**
 * One generation (choice, candidate) of the model, one element of {@code gen_ai.output.messages}. Choices are
 * never split or merged.
 *
 * <p>The per-message {@code finish_reason} is deprecated in favour of {@code gen_ai.response.finish_reasons}
 * (semantic-conventions-genai #363) but still required by the published JSON schema, so it is required here too;
 * a generation that started and never finished is reported as {@code error}.
 *
 * @param role the role, normally {@code assistant}
 * @param parts the generated parts, in order
 * @param name the participant's name, or null
 * @param finishReason the normalised finish reason, see {@code dev.genaiotel.semconv.FinishReason}
 */
public record OutputMessage(String role, List<MessagePart> parts, String name, String finishReason) {

    /** Checks the required fields and copies the parts. */
    public OutputMessage {
        required(role, "OutputMessage", "role");
        parts = copyOfElements(parts, "OutputMessage", "parts");
        required(finishReason, "OutputMessage", "finishReason");
    }

    /** A message without a participant name. */
    public OutputMessage(String role, List<MessagePart> parts, String finishReason) {
        this(role, parts, null, finishReason);
    }
}
