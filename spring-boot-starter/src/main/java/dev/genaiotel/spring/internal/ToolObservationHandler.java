package dev.genaiotel.spring.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.core.ToolExecution;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Objects;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Records each tool Spring AI runs ({@code @Tool} methods, {@code ToolCallback}s) from the observation its
 * tool-calling manager makes around the call: an {@code execute_tool} span with the tool's name, description and
 * the model's call id, current while the tool runs, with the arguments and the result under content capture.
 */
public final class ToolObservationHandler implements ObservationHandler<ToolCallingObservationContext> {

    private final GenAiTelemetry telemetry;

    /** Records through {@code telemetry}. */
    public ToolObservationHandler(GenAiTelemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ToolCallingObservationContext;
    }

    @Override
    public void onStart(ToolCallingObservationContext context) {
        try {
            if (!telemetry.isRecording()) {
                return;
            }
            ToolDefinition definition = context.getToolDefinition();
            ToolCall call = new ToolCall(definition.name(), blankToNull(context.getToolCallId()),
                    blankToNull(definition.description()), "function", context.getToolCallArguments(), null);
            context.put(ScopedInvocation.class, new ScopedInvocation<>(telemetry.startToolExecution(call)));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("tool observation start", e);
        }
    }

    @Override
    public void onScopeOpened(ToolCallingObservationContext context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped != null) {
            scoped.opened();
        }
    }

    @Override
    public void onScopeClosed(ToolCallingObservationContext context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped != null) {
            scoped.closed();
        }
    }

    @Override
    public void onStop(ToolCallingObservationContext context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped == null) {
            return;
        }
        ToolExecution execution = (ToolExecution) scoped.invocation;
        try {
            if (context.getError() != null) {
                execution.fail(context.getError());
            } else {
                execution.end(context.getToolCallResult());
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("tool observation stop", e);
            execution.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
