package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.List;

/**
 * Compatibility format {@code FLATTENED_ATTRIBUTES}: the flattened {@code gen_ai.prompt.<n>.*},
 * {@code gen_ai.completion.<n>.*} and request-tool attributes of llm-tracekit and older OpenLLMetry backends, on
 * inference and {@code invoke_agent} spans (see {@link CompatibilityFormat#FLATTENED_ATTRIBUTES}). Runs before the
 * span recorder, which ends the span. Content values come from {@link LegacyContent}: redacted and budgeted, and only
 * when content goes to the span.
 */
final class FlattenedAttributesRecorder implements Recorder {

    static final AttributeKey<String> OPENAI_REQUEST_USER = AttributeKey.stringKey("gen_ai.openai.request.user");
    static final AttributeKey<String> BEDROCK_AGENT_ALIAS_ID = AttributeKey.stringKey("gen_ai.bedrock.agent_alias.id");

    private static final String FUNCTION = "function";

    private final GenAiSettings settings;

    FlattenedAttributesRecorder(GenAiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        record(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        record(op);
    }

    private void record(Operation<?, ?> op) {
        Span span = op.span;
        if (!span.isRecording()) {
            return;
        }
        boolean content = settings.captureOnSpan();
        LegacyContent view = LegacyContent.of(op, content);
        if (view == null) {
            return;
        }
        prompts(span, view, content);
        completions(span, view, content);
        tools(span, view.tools, LegacySystemAttributeRecorder.providerName(op), content);
        put(span, OPENAI_REQUEST_USER.getKey(), view.requestAttributes.get(CompatibilityFormat.OPENAI_REQUEST_USER));
        put(span, BEDROCK_AGENT_ALIAS_ID.getKey(),
                view.requestAttributes.get(CompatibilityFormat.BEDROCK_AGENT_ALIAS_ID));
    }

    private static void prompts(Span span, LegacyContent view, boolean content) {
        int n = 0;
        if (!view.system.isEmpty()) {
            String prefix = "gen_ai.prompt.0.";
            span.setAttribute(prefix + "role", "system");
            if (content) {
                put(span, prefix + "content", LegacyContent.text(view.system, false));
            }
            n++;
        }
        for (InputMessage message : view.input) {
            String prefix = "gen_ai.prompt." + n++ + '.';
            span.setAttribute(prefix + "role", message.role());
            if (content) {
                put(span, prefix + "content", LegacyContent.text(message.parts(), true));
            }
            toolCalls(span, prefix, message.parts(), content);
            put(span, prefix + "tool_call_id", LegacyContent.toolCallId(message.parts()));
        }
    }

    private static void completions(Span span, LegacyContent view, boolean content) {
        int count = Math.max(view.output.size(), view.finishReasons.size());
        for (int i = 0; i < count; i++) {
            String prefix = "gen_ai.completion." + i + '.';
            put(span, prefix + "finish_reason", view.finishReason(i));
            if (i >= view.output.size()) {
                continue;
            }
            OutputMessage message = view.output.get(i);
            span.setAttribute(prefix + "role", message.role());
            if (content) {
                put(span, prefix + "content", LegacyContent.text(message.parts(), false));
            }
            toolCalls(span, prefix, message.parts(), content);
        }
    }

    private static void toolCalls(Span span, String messagePrefix, List<MessagePart> parts, boolean content) {
        int m = 0;
        for (MessagePart part : parts) {
            if (part instanceof MessagePart.ToolCallRequest call) {
                String prefix = messagePrefix + "tool_calls." + m++ + '.';
                put(span, prefix + "id", call.id());
                span.setAttribute(prefix + "type", FUNCTION);
                span.setAttribute(prefix + "function.name", call.name());
                if (content && call.arguments() != null) {
                    span.setAttribute(prefix + "function.arguments", ContentEncoder.anyJson(call.arguments()));
                }
            }
        }
    }

    private void tools(Span span, List<ToolDefinition> tools, String provider, boolean content) {
        boolean bedrock = ProviderName.AWS_BEDROCK.equals(provider);
        String namespace = bedrock ? "gen_ai.bedrock.request.tools." : "gen_ai.openai.request.tools.";
        boolean details = content && settings.toolDefinitionDetails();
        for (int n = 0; n < tools.size(); n++) {
            ToolDefinition tool = tools.get(n);
            String prefix = namespace + n + '.';
            if (!bedrock) {
                span.setAttribute(prefix + "type", tool.type());
            }
            if (tool instanceof FunctionToolDefinition function) {
                span.setAttribute(prefix + "function.name", function.name());
                if (details) {
                    put(span, prefix + "function.description", function.description());
                    if (function.parameters() != null) {
                        span.setAttribute(prefix + "function.parameters",
                                ContentEncoder.anyJson(function.parameters()));
                    }
                }
            }
        }
    }

    private static void put(Span span, String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
