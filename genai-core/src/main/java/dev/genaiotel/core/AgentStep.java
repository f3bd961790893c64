package dev.genaiotel.core;

import java.util.Objects;

/**
 * One step of an agent's reasoning loop, recorded by {@link AgentInvocation#recordStep(AgentStep)} as a
 * {@code gen_ai.agent.step} span event on the agent's span (ours: the GenAI conventions name no such event). Steps
 * are recorded in the order they are given, so that a trace replays how the agent reached its answer.
 *
 * <p>The text is content: it is recorded ({@code gen_ai.agent.step.content}) only when content capture records on
 * spans, after the {@link ContentRedactor}s, cut to the per-part budget. Everything else is recorded always.
 *
 * @param kind {@code gen_ai.agent.step.kind}: {@link #THOUGHT}, {@link #ACTION}, {@link #OBSERVATION} or another
 *     value of the application's own (an open vocabulary); not blank
 * @param name {@code gen_ai.agent.step.name}: what the step names, such as the tool an action calls or an
 *     observation comes from; or null
 * @param role {@code gen_ai.agent.step.role}: the role the agent took in this step, such as {@code planner} or
 *     {@code critic}; or null
 * @param text {@code gen_ai.agent.step.content}: the thought, the action's input or the observation; or null
 */
public record AgentStep(String kind, String name, String role, String text) {

    /** {@code thought}: the agent reasoned about what to do next. */
    public static final String THOUGHT = "thought";

    /** {@code action}: the agent decided to act, usually by calling a tool. */
    public static final String ACTION = "action";

    /** {@code observation}: the agent received the outcome of an action, usually a tool's result. */
    public static final String OBSERVATION = "observation";

    /** Checks the kind. */
    public AgentStep {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
    }

    /**
     * A {@link #THOUGHT}.
     *
     * @param text what the agent thought, or null
     */
    public static AgentStep thought(String text) {
        return new AgentStep(THOUGHT, null, null, text);
    }

    /**
     * An {@link #ACTION}.
     *
     * @param name the tool or action taken, or null
     * @param text the action's input (a tool's arguments), or null
     */
    public static AgentStep action(String name, String text) {
        return new AgentStep(ACTION, name, null, text);
    }

    /**
     * An {@link #OBSERVATION}.
     *
     * @param name the tool or source observed, or null
     * @param text what was observed (a tool's result), or null
     */
    public static AgentStep observation(String name, String text) {
        return new AgentStep(OBSERVATION, name, null, text);
    }

    /**
     * This step taken in a role.
     *
     * @param value {@code gen_ai.agent.step.role}, or null for none
     */
    public AgentStep withRole(String value) {
        return new AgentStep(kind, name, value, text);
    }
}
