package dev.genaiotel.core;

import dev.genaiotel.core.internal.AgentOperation;

/**
 * An agent invocation: the {@code invoke_agent} span of the GenAI conventions (CLIENT, remote agent) and 2.9
 * (INTERNAL, in-process agent). For in-process agents it records {@code gen_ai.invoke_agent.duration} and counts
 * the inferences and tool executions started in its context ({@code gen_ai.invoke_agent.inference_calls},
 * {@code gen_ai.invoke_agent.tool_calls}); keep it current with {@link #makeCurrent()} while the agent runs.
 */
public final class AgentInvocation extends Invocation {

    static final AgentInvocation PASS_THROUGH = new AgentInvocation(null);

    private final AgentOperation typed;

    AgentInvocation(AgentOperation op) {
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

    /**
     * Records one step of the agent's loop (a thought, an action, an observation) as a {@code gen_ai.agent.step}
     * event on this agent's span, now: with {@code gen_ai.agent.step.kind}, {@code .index} (0 for the first step of
     * this agent, in the order steps are recorded, also from several threads), {@code .name}, {@code .role},
     * {@code gen_ai.agent.name}, and the step's text as {@code gen_ai.agent.step.content} only when content is captured
     * on spans (redacted, cut to the per-part budget). These names are ours; see {@link AgentStep}. Does nothing when
     * the span is not recorded (sampled out, telemetry off) or the agent already ended.
     *
     * @param step the step; null is ignored
     */
    public void recordStep(AgentStep step) {
        if (typed != null) {
            typed.recordStep(step);
        }
    }

    /** Records the response for {@link #close()} to end with. */
    public void recordResponse(InferenceResponse response) {
        if (typed != null) {
            typed.record(response == null ? InferenceResponse.empty() : response);
        }
    }
}
