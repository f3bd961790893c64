package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.WorkflowRequest;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/**
 * {@code invoke_workflow}: an INTERNAL span over a multi-step workflow, its input and output messages as content.
 * Conventions v0.1.0 merged workflows into the in-process agent span: the workflow's name is then
 * {@code gen_ai.agent.name} (1.41.0: {@code gen_ai.workflow.name}; both during a migration) and its duration is
 * recorded on {@code gen_ai.invoke_agent.duration}.
 */
final class WorkflowSpec implements OperationSpec<WorkflowRequest, List<OutputMessage>> {

    private static final WorkflowSpec CURRENT = new WorkflowSpec(true, false);
    private static final WorkflowSpec LEGACY = new WorkflowSpec(false, true);
    private static final WorkflowSpec BOTH = new WorkflowSpec(true, true);

    private final boolean agentName;
    private final boolean workflowName;

    private WorkflowSpec(boolean agentName, boolean workflowName) {
        this.agentName = agentName;
        this.workflowName = workflowName;
    }

    static WorkflowSpec of(Semconv semconv) {
        return semconv.legacy() ? semconv.current() ? BOTH : LEGACY : CURRENT;
    }

    @Override
    public String operationName(WorkflowRequest request) {
        return OperationName.INVOKE_WORKFLOW;
    }

    @Override
    public String spanTarget(WorkflowRequest request) {
        return request.workflowName();
    }

    @Override
    public SpanKind spanKind(WorkflowRequest request) {
        return SpanKind.INTERNAL;
    }

    @Override
    public void requestAttributes(WorkflowRequest request, AttributeSink sink) {
        AttributeWriter.operation(OperationName.INVOKE_WORKFLOW, sink);
        if (agentName) {
            sink.put(GEN_AI_AGENT_NAME, request.workflowName());
        }
        if (workflowName) {
            sink.put(GEN_AI_WORKFLOW_NAME, request.workflowName());
        }
    }

    @Override
    public WorkflowRequest redactRequest(ContentPolicy policy, String operation, WorkflowRequest request) {
        List<InputMessage> input = policy.input(request.inputMessages(), operation);
        return input == request.inputMessages() ? request : new WorkflowRequest(request.workflowName(), input);
    }

    @Override
    public List<OutputMessage> redactResponse(ContentPolicy policy, String operation, WorkflowRequest request,
            List<OutputMessage> output) {
        return output == null ? null : policy.output(output, operation);
    }

    @Override
    public RecordedContent content(WorkflowRequest request, List<OutputMessage> output, GenAiSettings settings) {
        return new RecordedContent(List.of(), request.inputMessages(), List.of(), output == null ? List.of() : output,
                null, null, null, List.of(), settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<WorkflowRequest, List<OutputMessage>> op,
            WorkflowRequest request, double seconds) {
        metrics.workflowDuration(op, seconds, request.workflowName());
    }
}
