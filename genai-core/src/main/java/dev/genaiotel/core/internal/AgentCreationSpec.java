package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_ID;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/** {@code create_agent}: a CLIENT span on the service that creates the agent; it ends with the new agent's id. */
final class AgentCreationSpec implements OperationSpec<AgentRequest, String> {

    static final AgentCreationSpec INSTANCE = new AgentCreationSpec();

    private AgentCreationSpec() {}

    @Override
    public String operationName(AgentRequest request) {
        return OperationName.CREATE_AGENT;
    }

    @Override
    public String spanTarget(AgentRequest request) {
        return request.agentName();
    }

    @Override
    public SpanKind spanKind(AgentRequest request) {
        return SpanKind.CLIENT;
    }

    @Override
    public void requestAttributes(AgentRequest r, AttributeSink sink) {
        AttributeWriter.operation(OperationName.CREATE_AGENT, sink);
        AttributeWriter.agent(r, true, sink);
        sink.putAll(r.attributes());
    }

    @Override
    public void responseAttributes(Operation<AgentRequest, String> op, String agentId, AttributeSink sink) {
        sink.put(GEN_AI_AGENT_ID, agentId);
    }

    @Override
    public AgentRequest redactRequest(ContentPolicy policy, String operation, AgentRequest request) {
        return policy.agentRequest(operation, request);
    }

    @Override
    public RecordedContent content(AgentRequest request, String agentId, GenAiSettings settings) {
        return new RecordedContent(request.systemInstructions(), List.of(), List.of(), List.of(), null, null, null,
                List.of(), settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<AgentRequest, String> op, AgentRequest request,
            double seconds) {
        metrics.clientOperation(op, seconds, Dimensions.of(op, request.providerName(), request.model(),
                request.serverAddress(), request.serverPort(), null), null);
    }

    @Override
    public String providerName(AgentRequest request) {
        return request.providerName();
    }
}
