package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.WorkflowRequest;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/** {@code invoke_workflow}: an INTERNAL span over a multi-step workflow, its input and output messages as content. */
final class WorkflowSpec implements OperationSpec<WorkflowRequest, List<OutputMessage>> {

    static final WorkflowSpec INSTANCE = new WorkflowSpec();

    private WorkflowSpec() {}

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
        sink.put(GEN_AI_WORKFLOW_NAME, request.workflowName());
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
