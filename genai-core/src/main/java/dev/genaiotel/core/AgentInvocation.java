package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;

/**
 * An agent invocation: the {@code invoke_agent} span of the GenAI conventions (CLIENT, remote agent) and 2.9
 * (INTERNAL, in-process agent). For in-process agents it records {@code gen_ai.invoke_agent.duration} and counts
 * the inferences and tool executions started in its context ({@code gen_ai.invoke_agent.inference_calls},
 * {@code gen_ai.invoke_agent.tool_calls}); keep it current with {@link #makeCurrent()} while the agent runs.
 */
public final class AgentInvocation extends Invocation {

    static final AgentInvocation PASS_THROUGH = new AgentInvocation(null);

    private final Operation<AgentRequest, InferenceResponse> typed;

    AgentInvocation(Operation<AgentRequest, InferenceResponse> op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends successfully. Response id and model are not recorded on agent spans; finish reasons, usage and output
     * messages are.
     */
    public void end(InferenceResponse response) {
        if (typed != null) {
            typed.end(response == null ? InferenceResponse.empty() : response);
        }
    }

    /** Records the response for {@link #close()} to end with. */
    public void recordResponse(InferenceResponse response) {
        if (typed != null) {
            typed.record(response == null ? InferenceResponse.empty() : response);
        }
    }
}
