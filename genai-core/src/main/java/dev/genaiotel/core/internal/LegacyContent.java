package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import java.util.List;

/**
 * The messages of an inference or agent invocation as the compatibility formats see them. With content, they are
 * the redacted, budgeted {@link RecordedContent} that the span and event record; without, the redacted request and
 * response, read for their structure only (roles, tool-call ids and names), never encoded.
 */
final class LegacyContent {

    final List<MessagePart> system;
    final List<InputMessage> input;
    final List<ToolDefinition> tools;
    final List<OutputMessage> output;
    final List<String> finishReasons;
    final Attributes requestAttributes;

    private LegacyContent(Conversation conversation) {
        this.system = conversation.system();
        this.input = conversation.input();
        this.tools = conversation.tools();
        this.output = conversation.output();
        this.finishReasons = conversation.finishReasons();
        this.requestAttributes = conversation.requestAttributes();
    }

    /**
     * The view of an operation that has a conversation (an inference or {@code invoke_agent}), else null;
     * {@code withContent} selects the recorded form.
     */
    static LegacyContent of(Operation<?, ?> op, boolean withContent) {
        Conversation conversation = op.conversation(withContent);
        return conversation == null ? null : new LegacyContent(conversation);
    }

    /** The finish reason of the {@code index}th output: the message's own, else the response's. */
    String finishReason(int index) {
        String reason = index < output.size() ? output.get(index).finishReason() : null;
        if (reason == null && index < finishReasons.size()) {
            reason = finishReasons.get(index);
        }
        return legacyFinishReason(reason);
    }

    /** A finish reason in the spelling of the older conventions: {@code tool_calls}, not {@code tool_call}. */
    static String legacyFinishReason(String reason) {
        if (reason == null) {
            return null;
        }
        String normalized = FinishReason.normalize(reason);
        if (normalized == null) {
            return reason;
        }
        return normalized.equals(FinishReason.TOOL_CALL) ? "tool_calls" : normalized;
    }

    /**
     * The text of a message: its text parts, and with {@code toolResults} its tool results (text as is, anything
     * else as compact JSON), joined by a line feed; null when there are none.
     */
    static String text(List<MessagePart> parts, boolean toolResults) {
        StringBuilder text = null;
        for (MessagePart part : parts) {
            String piece = null;
            if (part instanceof MessagePart.Text t) {
                piece = t.content();
            } else if (toolResults && part instanceof MessagePart.ToolCallResponse response
                    && response.response() != null) {
                piece = response.response() instanceof String s ? s : ContentEncoder.anyJson(response.response());
            }
            if (piece != null) {
                if (text == null) {
                    text = new StringBuilder(piece);
                } else {
                    text.append('\n').append(piece);
                }
            }
        }
        return text == null ? null : text.toString();
    }

    /** The tool-call id of the first tool result among the parts, or null. */
    static String toolCallId(List<MessagePart> parts) {
        for (MessagePart part : parts) {
            if (part instanceof MessagePart.ToolCallResponse response) {
                return response.id();
            }
        }
        return null;
    }
}
