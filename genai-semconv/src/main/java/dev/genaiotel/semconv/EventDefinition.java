package dev.genaiotel.semconv;

import dev.genaiotel.semconv.internal.Checks;
import io.opentelemetry.api.logs.Severity;

/**
 * The definition of one GenAI event (a log record carrying an event name): its name, the severity to record it at,
 * and whether the conventions make it opt-in.
 *
 * @param name the event name, e.g. {@code gen_ai.client.inference.exception}; not blank
 * @param severity the severity to set on the log record
 * @param optIn true when the conventions make the event opt-in, so it is off unless the user turns it on
 * @param description a one-sentence description; not blank
 */
public record EventDefinition(String name, Severity severity, boolean optIn, String description) {

    /**
     * Validates every component.
     *
     * @param name the event name; not blank
     * @param severity the severity to record it at
     * @param optIn whether the event is opt-in
     * @param description a one-sentence description; not blank
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a text is blank
     */
    public EventDefinition {
        Checks.requiredText(name, "EventDefinition", "name");
        Checks.required(severity, "EventDefinition", "severity");
        Checks.requiredText(description, "EventDefinition", "description");
    }
}
