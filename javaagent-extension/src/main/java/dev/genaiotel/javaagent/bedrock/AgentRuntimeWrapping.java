package dev.genaiotel.javaagent.bedrock;

import dev.genaiotel.bedrock.BedrockTelemetry;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;

/**
 * Wraps Bedrock Agent Runtime clients; on its own so that only applications that have the agents runtime load a
 * class that names it.
 */
final class AgentRuntimeWrapping {

    private AgentRuntimeWrapping() {}

    static Object wrap(BedrockTelemetry telemetry, Object client) {
        return client instanceof BedrockAgentRuntimeAsyncClient agents ? telemetry.wrapAgentRuntime(agents) : client;
    }
}
