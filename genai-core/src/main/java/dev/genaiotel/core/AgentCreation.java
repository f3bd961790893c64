package dev.genaiotel.core;

import dev.genaiotel.core.internal.Operation;

/** An agent being created on a remote service: the {@code create_agent} CLIENT span of the GenAI conventions. */
public final class AgentCreation extends Invocation {

    static final AgentCreation PASS_THROUGH = new AgentCreation(null);

    private final Operation<AgentRequest, String> typed;

    AgentCreation(Operation<AgentRequest, String> op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends successfully.
     *
     * @param agentId {@code gen_ai.agent.id} assigned by the service, or null when the request already named it
     */
    public void end(String agentId) {
        if (typed != null) {
            typed.end(agentId);
        }
    }
}
