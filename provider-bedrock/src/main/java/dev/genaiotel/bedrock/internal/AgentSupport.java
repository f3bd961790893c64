package dev.genaiotel.bedrock.internal;

import dev.genaiotel.bedrock.internal.agent.TracedAgentRuntimeAsyncClient;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;

/**
 * The one place that links against the optional agents runtime, so that {@code BedrockTelemetry} itself loads and
 * verifies without it: the JVM verifier would otherwise load the agent client interface to check the wrapper's type.
 */
public final class AgentSupport {

    private AgentSupport() {}

    /** An instrumented view of {@code client}; an instrumented client is returned unchanged. */
    public static BedrockAgentRuntimeAsyncClient wrap(GenAiTelemetry telemetry, BedrockAgentRuntimeAsyncClient client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedAgentRuntimeAsyncClient) {
            return client;
        }
        return InstrumentedView.of(BedrockAgentRuntimeAsyncClient.class, client,
                new TracedAgentRuntimeAsyncClient(telemetry, client));
    }
}
