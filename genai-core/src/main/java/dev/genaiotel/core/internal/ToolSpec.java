package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DESCRIPTION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/** {@code execute_tool}: an INTERNAL span around the application's own tool, its arguments and result as content. */
final class ToolSpec implements OperationSpec<ToolCall, Object> {

    static final ToolSpec INSTANCE = new ToolSpec();

    private ToolSpec() {}

    @Override
    public String operationName(ToolCall request) {
        return OperationName.EXECUTE_TOOL;
    }

    @Override
    public String spanTarget(ToolCall request) {
        return request.name();
    }

    @Override
    public SpanKind spanKind(ToolCall request) {
        return SpanKind.INTERNAL;
    }

    @Override
    public void requestAttributes(ToolCall tool, AttributeSink sink) {
        AttributeWriter.operation(OperationName.EXECUTE_TOOL, sink);
        sink.put(GEN_AI_TOOL_NAME, tool.name());
        sink.put(GEN_AI_TOOL_CALL_ID, tool.callId());
        sink.put(GEN_AI_TOOL_DESCRIPTION, tool.description());
        sink.put(GEN_AI_TOOL_TYPE, tool.type());
        sink.put(GEN_AI_AGENT_NAME, tool.agentName());
    }

    @Override
    public ToolCall redactRequest(ContentPolicy policy, String operation, ToolCall request) {
        return policy.toolArguments(operation, request);
    }

    @Override
    public Object redactResponse(ContentPolicy policy, String operation, ToolCall request, Object result) {
        return result == null ? null : policy.toolResult(operation, request, result);
    }

    @Override
    public RecordedContent content(ToolCall request, Object result, GenAiSettings settings) {
        return new RecordedContent(List.of(), List.of(), List.of(), List.of(), request.arguments(), result, null,
                List.of(), settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<ToolCall, Object> op, ToolCall request,
            double seconds) {
        metrics.toolDuration(op, seconds, request);
    }
}
