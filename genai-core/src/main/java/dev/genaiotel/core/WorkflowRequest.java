package dev.genaiotel.core;

import dev.genaiotel.semconv.message.InputMessage;
import java.util.List;

/**
 * A workflow (a group of agent invocations of the GenAI conventions, {@code invoke_workflow}).
 *
 * @param workflowName {@code gen_ai.workflow.name} (low cardinality), or null
 * @param inputMessages {@code gen_ai.input.messages} (opt-in content)
 */
public record WorkflowRequest(String workflowName, List<InputMessage> inputMessages) implements GenAiRequest {

    /** Copies the list. */
    public WorkflowRequest {
        inputMessages = inputMessages == null ? List.of() : List.copyOf(inputMessages);
    }

    /** A named workflow without input messages. */
    public static WorkflowRequest named(String workflowName) {
        return new WorkflowRequest(workflowName, null);
    }
}
