package dev.genaiotel.bedrock.internal.agent;

import dev.genaiotel.bedrock.internal.TracedStreamHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;

/**
 * The application's {@link InvokeAgentResponseHandler} with the telemetry beside it: every callback and every event
 * reaches it unchanged and in order, and the {@link AgentCall} only looks on; the span ends on completion, error,
 * cancellation, or when the event stream is dropped without a subscriber.
 */
final class TracedInvokeAgentHandler extends TracedStreamHandler<InvokeAgentResponse, ResponseStream>
        implements InvokeAgentResponseHandler {

    TracedInvokeAgentHandler(InvokeAgentResponseHandler delegate, AgentCall call) {
        super(delegate, call);
    }
}
