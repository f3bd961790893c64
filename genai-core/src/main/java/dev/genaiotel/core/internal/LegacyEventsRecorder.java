package dev.genaiotel.core.internal;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.GenAiEvents;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compatibility format {@code LEGACY_EVENTS}: the per-message log events of conventions up to v1.36, with map bodies
 * and {@code gen_ai.system}, emitted for each inference in its span's context. Body fields with content ({@code
 * content}, tool-call {@code arguments}) only when content goes to events; they are
 * the redacted, budgeted content of {@link LegacyContent}.
 */
final class LegacyEventsRecorder implements Recorder {

    @SuppressWarnings("deprecation")
    private static final String SYSTEM_MESSAGE = GenAiEvents.GEN_AI_SYSTEM_MESSAGE;
    @SuppressWarnings("deprecation")
    private static final String USER_MESSAGE = GenAiEvents.GEN_AI_USER_MESSAGE;
    @SuppressWarnings("deprecation")
    private static final String ASSISTANT_MESSAGE = GenAiEvents.GEN_AI_ASSISTANT_MESSAGE;
    @SuppressWarnings("deprecation")
    private static final String TOOL_MESSAGE = GenAiEvents.GEN_AI_TOOL_MESSAGE;
    @SuppressWarnings("deprecation")
    private static final String CHOICE = GenAiEvents.GEN_AI_CHOICE;

    private final Logger logger;
    private final GenAiSettings settings;

    LegacyEventsRecorder(Logger logger, GenAiSettings settings) {
        this.logger = logger;
        this.settings = settings;
    }

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        emit(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        emit(op);
    }

    private void emit(Operation<?, ?> op) {
        if (!op.spec.inference()) {
            return;
        }
        boolean content = settings.captureOnEvent();
        LegacyContent view = LegacyContent.of(op, content);
        String provider = LegacySystemAttributeRecorder.providerName(op);
        String system = provider == null ? null : LegacySystemAttributeRecorder.legacySystem(provider);
        if (!view.system.isEmpty()) {
            Map<String, Value<?>> body = new LinkedHashMap<>();
            if (content) {
                putText(body, "content", LegacyContent.text(view.system, false));
            }
            event(op, system, SYSTEM_MESSAGE, body);
        }
        for (InputMessage message : view.input) {
            input(op, system, message, content);
        }
        int count = Math.max(view.output.size(), view.finishReasons.size());
        if (count == 0 && op.errorType != null) {
            Map<String, Value<?>> body = new LinkedHashMap<>();
            body.put("index", Value.of(0L));
            body.put("finish_reason", Value.of(FinishReason.ERROR));
            body.put("message", Value.of(Map.of()));
            event(op, system, CHOICE, body);
        }
        for (int i = 0; i < count; i++) {
            Map<String, Value<?>> body = new LinkedHashMap<>();
            body.put("index", Value.of((long) i));
            String reason = view.finishReason(i);
            body.put("finish_reason", Value.of(reason != null ? reason
                    : op.errorType != null ? FinishReason.ERROR : FinishReason.STOP));
            Map<String, Value<?>> message = new LinkedHashMap<>();
            if (i < view.output.size()) {
                OutputMessage output = view.output.get(i);
                if (content) {
                    putText(message, "content", LegacyContent.text(output.parts(), false));
                }
                if (!"assistant".equals(output.role())) {
                    message.put("role", Value.of(output.role()));
                }
                putToolCalls(body, output.parts(), content);
            }
            body.put("message", Value.of(message));
            event(op, system, CHOICE, body);
        }
    }

    private void input(Operation<?, ?> op, String system, InputMessage message, boolean content) {
        List<MessagePart> others = new ArrayList<>(message.parts().size());
        for (MessagePart part : message.parts()) {
            if (part instanceof MessagePart.ToolCallResponse response) {
                Map<String, Value<?>> body = new LinkedHashMap<>();
                if (content && response.response() != null) {
                    body.put("content", response.response() instanceof String text ? Value.of(text)
                            : ContentEncoder.anyValue(response.response()));
                }
                if (!"tool".equals(message.role())) {
                    body.put("role", Value.of(message.role()));
                }
                if (response.id() != null) {
                    body.put("id", Value.of(response.id()));
                }
                event(op, system, TOOL_MESSAGE, body);
            } else {
                others.add(part);
            }
        }
        if (others.isEmpty() && !message.parts().isEmpty()) {
            return;
        }
        String role = message.role();
        String name;
        String ownRole;
        switch (role) {
            case "system":
                name = SYSTEM_MESSAGE;
                ownRole = "system";
                break;
            case "assistant":
                name = ASSISTANT_MESSAGE;
                ownRole = "assistant";
                break;
            case "tool":
                name = TOOL_MESSAGE;
                ownRole = "tool";
                break;
            default:
                name = USER_MESSAGE;
                ownRole = "user";
                break;
        }
        Map<String, Value<?>> body = new LinkedHashMap<>();
        if (content) {
            putText(body, "content", LegacyContent.text(others, false));
        }
        if (!ownRole.equals(role)) {
            body.put("role", Value.of(role));
        }
        putToolCalls(body, others, content);
        event(op, system, name, body);
    }

    private static void putToolCalls(Map<String, Value<?>> body, List<MessagePart> parts, boolean content) {
        List<Value<?>> calls = new ArrayList<>();
        for (MessagePart part : parts) {
            if (part instanceof MessagePart.ToolCallRequest call) {
                Map<String, Value<?>> function = new LinkedHashMap<>();
                function.put("name", Value.of(call.name()));
                if (content && call.arguments() != null) {
                    function.put("arguments", Value.of(ContentEncoder.anyJson(call.arguments())));
                }
                Map<String, Value<?>> entry = new LinkedHashMap<>();
                if (call.id() != null) {
                    entry.put("id", Value.of(call.id()));
                }
                entry.put("type", Value.of("function"));
                entry.put("function", Value.of(function));
                calls.add(Value.of(entry));
            }
        }
        if (!calls.isEmpty()) {
            body.put("tool_calls", Value.of(calls));
        }
    }

    private static void putText(Map<String, Value<?>> body, String key, String text) {
        if (text != null) {
            body.put(key, Value.of(text));
        }
    }

    private void event(Operation<?, ?> op, String system, String name, Map<String, Value<?>> body) {
        LogRecordBuilder record = logger.logRecordBuilder()
                .setEventName(name)
                .setSeverity(Severity.INFO)
                .setContext(op.context)
                .setBody(Value.of(body));
        if (system != null) {
            record.setAttribute(LegacySystemAttributeRecorder.GEN_AI_SYSTEM, system);
        }
        record.emit();
    }
}
