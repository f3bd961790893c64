package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;

/**
 * A tool running: the {@code execute_tool} INTERNAL span of the GenAI conventions and
 * {@code gen_ai.execute_tool.duration}. Counted in {@code gen_ai.invoke_agent.tool_calls} of the enclosing agent.
 */
public final class ToolExecution extends Invocation {

    static final ToolExecution PASS_THROUGH = new ToolExecution(null);

    private final Operation<ToolCall, Object> typed;

    ToolExecution(Operation<ToolCall, Object> op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends successfully.
     *
     * @param result {@code gen_ai.tool.call.result} (opt-in content): a map or a JSON string; null when none
     */
    public void end(Object result) {
        if (typed != null) {
            typed.end(result);
        }
    }

    /** Records the result for {@link #close()} to end with. */
    public void recordResult(Object result) {
        if (typed != null) {
            typed.record(result);
        }
    }
}
