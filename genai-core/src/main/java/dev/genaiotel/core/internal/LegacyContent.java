package dev.genaiotel.core.internal;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
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

    private LegacyContent(List<MessagePart> system, List<InputMessage> input, List<ToolDefinition> tools,
            List<OutputMessage> output, List<String> finishReasons) {
        this.system = system;
        this.input = input;
        this.tools = tools;
        this.output = output;
        this.finishReasons = finishReasons;
    }

    /** The view of an inference or {@code invoke_agent} operation; {@code withContent} selects the recorded form. */
    static LegacyContent of(Operation op, boolean withContent) {
        List<String> reasons = op.response instanceof InferenceResponse response ? response.finishReasons()
                : List.of();
        if (withContent) {
            RecordedContent content = op.recordedContent();
            return new LegacyContent(content.system, content.input, content.tools, content.output, reasons);
        }
        Object request = op.contentRequest();
        List<OutputMessage> output =
                op.contentResponse() instanceof InferenceResponse response ? response.outputMessages() : List.of();
        if (request instanceof InferenceRequest inference) {
            return new LegacyContent(inference.systemInstructions(), inference.inputMessages(),
                    inference.toolDefinitions(), output, reasons);
        }
        AgentRequest agent = (AgentRequest) request;
        return new LegacyContent(agent.systemInstructions(), agent.inputMessages(), agent.toolDefinitions(), output,
                reasons);
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
