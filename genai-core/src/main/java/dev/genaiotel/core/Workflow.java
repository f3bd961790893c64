package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;

/** A workflow run: the {@code invoke_workflow} INTERNAL span of SEMCONV.md section 2.10 and its duration metric. */
public final class Workflow extends Invocation {

    static final Workflow PASS_THROUGH = new Workflow(null);

    Workflow(Operation op) {
        super(op);
    }

    /**
     * Ends successfully.
     *
     * @param outputMessages {@code gen_ai.output.messages} (opt-in content); empty or null when none
     */
    public void end(List<OutputMessage> outputMessages) {
        endWith(outputMessages == null ? List.of() : List.copyOf(outputMessages));
    }

    /** Records the output for {@link #close()} to end with. */
    public void recordOutput(List<OutputMessage> outputMessages) {
        record(outputMessages == null ? List.of() : List.copyOf(outputMessages));
    }
}
