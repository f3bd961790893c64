package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_DATA_SOURCE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/**
 * {@code invoke_agent}: CLIENT for an agent on a remote service (client operation metrics), INTERNAL for one in this
 * process (agent duration and the counts of the inference and tool calls made under it).
 */
final class AgentSpec implements OperationSpec<AgentRequest, InferenceResponse> {

    static final AgentSpec INSTANCE = new AgentSpec();

    private AgentSpec() {}

    @Override
    public String operationName(AgentRequest request) {
        return OperationName.INVOKE_AGENT;
    }

    @Override
    public String spanTarget(AgentRequest request) {
        return request.agentName();
    }

    @Override
    public SpanKind spanKind(AgentRequest request) {
        return request.remote() ? SpanKind.CLIENT : SpanKind.INTERNAL;
    }

    @Override
    public void requestAttributes(AgentRequest r, AttributeSink sink) {
        AttributeWriter.operation(OperationName.INVOKE_AGENT, sink);
        AttributeWriter.agent(r, r.remote(), sink);
        sink.put(GEN_AI_CONVERSATION_ID, r.conversationId());
        sink.put(GEN_AI_DATA_SOURCE_ID, r.dataSourceId());
        InferenceRequest parameters = r.parameters();
        if (parameters != null) {
            AttributeWriter.samplingParameters(parameters, sink);
            if (r.remote()) {
                sink.put(GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID, parameters.previousResponseId());
            }
        }
        sink.putAll(r.attributes());
    }

    @Override
    public void responseAttributes(Operation<AgentRequest, InferenceResponse> op, InferenceResponse r,
            AttributeSink sink) {
        if (r != null) {
            AttributeWriter.finishReasons(r.finishReasons(), sink);
            AttributeWriter.usage(r.usage(), sink, false);
            AttributeWriter.mediaUsage(r.mediaUsage(), sink);
        }
    }

    @Override
    public AgentRequest redactRequest(ContentPolicy policy, String operation, AgentRequest request) {
        return policy.agentRequest(operation, request);
    }

    @Override
    public InferenceResponse redactResponse(ContentPolicy policy, String operation, AgentRequest request,
            InferenceResponse response) {
        return policy.inferenceResponse(operation, response);
    }

    @Override
    public RecordedContent content(AgentRequest request, InferenceResponse response, GenAiSettings settings) {
        return new RecordedContent(request.systemInstructions(), request.inputMessages(), request.toolDefinitions(),
                response == null ? List.of() : response.outputMessages(), null, null, null, List.of(), settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<AgentRequest, InferenceResponse> op,
            AgentRequest request, double seconds) {
        if (request.remote()) {
            InferenceResponse response = op.response;
            metrics.clientOperation(op, seconds, Dimensions.of(op, request.providerName(), request.model(),
                    request.serverAddress(), request.serverPort(), null), response == null ? null : response.usage());
        } else {
            metrics.agentDuration(op, seconds, request.agentName(), request.model());
        }
    }

    @Override
    public String providerName(AgentRequest request) {
        return request.remote() ? request.providerName() : null;
    }

    @Override
    public Conversation conversation(AgentRequest request, InferenceResponse response) {
        return new Conversation(request.systemInstructions(), request.inputMessages(), request.toolDefinitions(),
                response == null ? List.of() : response.outputMessages(),
                response == null ? List.of() : response.finishReasons(), request.attributes());
    }

    @Override
    public boolean countsCalls(AgentRequest request) {
        return true;
    }
}
