package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_CONTENT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_QUERY_TEXT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;

import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.ContentContext;
import dev.genaiotel.core.ContentRedactor;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.RetrievalRequest;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What content may be recorded: the user's redactors, run once per request and response, and the size budgets of
 * {@link GenAiSettings}, applied by {@link RecordedContent}. Thread-safe.
 */
final class ContentPolicy {

    private final ContentRedactor[] redactors;
    private final FailureLog failures;
    final GenAiSettings settings;

    ContentPolicy(List<ContentRedactor> redactors, GenAiSettings settings, FailureLog failures) {
        this.redactors = redactors.toArray(new ContentRedactor[0]);
        this.settings = settings;
        this.failures = failures;
    }

    /** True when any redactor is configured, so requests and responses are rewritten before anyone sees them. */
    boolean redacts() {
        return redactors.length > 0;
    }

    /** An inference request with its instructions and input redacted; the request itself when nothing changed. */
    InferenceRequest inferenceRequest(String operation, InferenceRequest request) {
        List<MessagePart> system = parts(request.systemInstructions(), operation);
        List<InputMessage> input = input(request.inputMessages(), operation);
        if (system == request.systemInstructions() && input == request.inputMessages()) {
            return request;
        }
        return request.toBuilder().systemInstructions(system).inputMessages(input).build();
    }

    /** An agent request with its instructions, input and parameters redacted. */
    AgentRequest agentRequest(String operation, AgentRequest agent) {
        List<MessagePart> system = parts(agent.systemInstructions(), operation);
        List<InputMessage> input = input(agent.inputMessages(), operation);
        InferenceRequest parameters =
                agent.parameters() == null ? null : inferenceRequest(operation, agent.parameters());
        if (system == agent.systemInstructions() && input == agent.inputMessages()
                && parameters == agent.parameters()) {
            return agent;
        }
        return new AgentRequest(agent.remote(), agent.providerName(), agent.agentName(), agent.agentId(),
                agent.agentDescription(), agent.agentVersion(), agent.model(), agent.conversationId(),
                agent.dataSourceId(), agent.serverAddress(), agent.serverPort(), system, input,
                agent.toolDefinitions(), agent.attributes(), parameters);
    }

    /** A response with its output messages redacted; null stays null. */
    InferenceResponse inferenceResponse(String operation, InferenceResponse response) {
        if (response == null) {
            return null;
        }
        List<OutputMessage> output = output(response.outputMessages(), operation);
        return output == response.outputMessages() ? response
                : new InferenceResponse(response.responseId(), response.responseModel(), response.finishReasons(),
                        output, response.usage(), response.attributes(), response.mediaUsage());
    }

    /** A tool call with its arguments redacted (dropped arguments become null). */
    ToolCall toolArguments(String operation, ToolCall call) {
        if (call.arguments() == null) {
            return call;
        }
        Object arguments = value(new MessagePart.ToolCallRequest(call.callId(), call.name(), call.arguments()),
                new ContentContext(operation, GEN_AI_TOOL_CALL_ARGUMENTS.getKey(), null));
        return arguments == call.arguments() ? call : new ToolCall(call.name(), call.callId(), call.description(),
                call.type(), arguments == DROPPED ? null : arguments, call.agentName());
    }

    /** A tool's result redacted; null when dropped. */
    Object toolResult(String operation, ToolCall call, Object result) {
        Object redacted = value(new MessagePart.ToolCallResponse(call.callId(), result),
                new ContentContext(operation, GEN_AI_TOOL_CALL_RESULT.getKey(), null));
        return redacted == DROPPED ? null : redacted;
    }

    /** A retrieval request with its query text redacted. */
    RetrievalRequest queryText(String operation, RetrievalRequest retrieval) {
        if (retrieval.queryText() == null) {
            return retrieval;
        }
        Object query = value(new MessagePart.Text(retrieval.queryText()),
                new ContentContext(operation, GEN_AI_RETRIEVAL_QUERY_TEXT.getKey(), null));
        String text = query instanceof String string ? string : null;
        return text == retrieval.queryText() ? retrieval : new RetrievalRequest(retrieval.providerName(),
                retrieval.dataSourceId(), retrieval.model(), retrieval.topK(), text, retrieval.serverAddress(),
                retrieval.serverPort(), retrieval.attributes());
    }

    /** The text of an agent step, passed to the redactors as a text part; null when dropped. */
    String stepText(String operation, String text) {
        if (redactors.length == 0) {
            return text;
        }
        Object redacted = value(new MessagePart.Text(text),
                new ContentContext(operation, GEN_AI_AGENT_STEP_CONTENT.getKey(), null));
        return redacted instanceof String string ? string : null;
    }

    private List<MessagePart> parts(List<MessagePart> parts, String operation) {
        if (parts.isEmpty()) {
            return parts;
        }
        return parts(parts, new ContentContext(operation, GEN_AI_SYSTEM_INSTRUCTIONS.getKey(), null));
    }

    List<InputMessage> input(List<InputMessage> messages, String operation) {
        List<InputMessage> copy = null;
        for (int i = 0; i < messages.size(); i++) {
            InputMessage message = messages.get(i);
            List<MessagePart> parts = parts(message.parts(),
                    new ContentContext(operation, GEN_AI_INPUT_MESSAGES.getKey(), message.role()));
            if (parts != message.parts() && copy == null) {
                copy = new ArrayList<>(messages.subList(0, i));
            }
            if (copy != null) {
                copy.add(parts == message.parts() ? message : new InputMessage(message.role(), parts, message.name()));
            }
        }
        return copy == null ? messages : List.copyOf(copy);
    }

    List<OutputMessage> output(List<OutputMessage> messages, String operation) {
        List<OutputMessage> copy = null;
        for (int i = 0; i < messages.size(); i++) {
            OutputMessage message = messages.get(i);
            List<MessagePart> parts = parts(message.parts(),
                    new ContentContext(operation, GEN_AI_OUTPUT_MESSAGES.getKey(), message.role()));
            if (parts != message.parts() && copy == null) {
                copy = new ArrayList<>(messages.subList(0, i));
            }
            if (copy != null) {
                copy.add(parts == message.parts() ? message
                        : new OutputMessage(message.role(), parts, message.name(), message.finishReason()));
            }
        }
        return copy == null ? messages : List.copyOf(copy);
    }

    private List<MessagePart> parts(List<MessagePart> parts, ContentContext context) {
        List<MessagePart> copy = null;
        for (int i = 0; i < parts.size(); i++) {
            MessagePart part = parts.get(i);
            MessagePart redacted = redact(part, context);
            if (redacted != part && copy == null) {
                copy = new ArrayList<>(parts.subList(0, i));
            }
            if (copy != null && redacted != null) {
                copy.add(redacted);
            }
        }
        return copy == null ? parts : List.copyOf(copy);
    }

    /** Returned by {@link #value} when the content was dropped. */
    private static final Object DROPPED = ContentText.DROPPED;

    /** Redacts a value wrapped in a part and takes it back out; {@link #DROPPED} (or null for text) if dropped. */
    private Object value(MessagePart wrapped, ContentContext context) {
        MessagePart redacted = redact(wrapped, context);
        if (redacted == wrapped) {
            return wrapped instanceof MessagePart.ToolCallRequest call ? call.arguments()
                    : wrapped instanceof MessagePart.ToolCallResponse response ? response.response()
                    : ((MessagePart.Text) wrapped).content();
        }
        if (redacted instanceof MessagePart.Text text) {
            return text.content();
        }
        if (redacted instanceof MessagePart.ToolCallRequest call && wrapped instanceof MessagePart.ToolCallRequest) {
            return call.arguments();
        }
        if (redacted instanceof MessagePart.ToolCallResponse response
                && wrapped instanceof MessagePart.ToolCallResponse) {
            return response.response();
        }
        return DROPPED;
    }

    /** Runs the redactors in order; null when one drops the part or throws. */
    MessagePart redact(MessagePart part, ContentContext context) {
        MessagePart current = part;
        for (ContentRedactor redactor : redactors) {
            try {
                current = redactor.redact(current, context);
            } catch (Throwable failure) {
                failures.redactorFailed(redactor, failure);
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
