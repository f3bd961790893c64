package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_INDEX;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.AgentStep;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.GenAiEvents;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * An agent invocation: what only agents have is the steps of their reasoning loop, each a {@code gen_ai.agent.step}
 * span event numbered in the order it was added.
 */
public final class AgentOperation extends Operation<AgentRequest, InferenceResponse> {

    /** Steps added so far; guarded by this operation's lock so that indexes follow the order of the events. */
    private int steps;

    AgentOperation(Engine engine, AgentRequest request, Operation<?, ?> agent) {
        super(engine, AgentSpec.INSTANCE, request, 0, agent);
    }

    /** Records {@code step} on the agent's span; nothing when the span records nothing or the agent ended. */
    public void recordStep(AgentStep step) {
        if (step != null && !isEnded() && span.isRecording()) {
            engine.agentStep(this, step);
        }
    }

    /** Adds a step's event with the next index, so that concurrent steps are numbered in the order they are added. */
    synchronized void addStep(AttributesBuilder attributes) {
        attributes.put(GEN_AI_AGENT_STEP_INDEX, (long) steps++);
        span.addEvent(GenAiEvents.GEN_AI_AGENT_STEP, attributes.build());
    }
}
