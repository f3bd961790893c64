package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;

/** A workflow run: the {@code invoke_workflow} INTERNAL span of the GenAI conventions0 and its duration metric. */
public final class Workflow extends Invocation {

    static final Workflow PASS_THROUGH = new Workflow(null);

    private final Operation<WorkflowRequest, List<OutputMessage>> typed;

    Workflow(Operation<WorkflowRequest, List<OutputMessage>> op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends successfully.
     *
     * @param outputMessages {@code gen_ai.output.messages} (opt-in content); empty or null when none
     */
    public void end(List<OutputMessage> outputMessages) {
        if (typed != null) {
            typed.end(outputMessages == null ? List.of() : List.copyOf(outputMessages));
        }
    }

    /** Records the output for {@link #close()} to end with. */
    public void recordOutput(List<OutputMessage> outputMessages) {
        if (typed != null) {
            typed.record(outputMessages == null ? List.of() : List.copyOf(outputMessages));
        }
    }
}
