package dev.genaiotel.core;

import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the provider-neutral deltas of a streamed response into the output messages, finish reasons, usage, id
 * and model of the final response ({@code gen_ai.output.messages}, {@code gen_ai.response.finish_reasons}, ...).
 *
 * <p>Choices are kept apart by index and may interleave; tool calls are assembled from fragments by their index
 * within the choice (id and name usually come with the first fragment, the arguments in pieces). A choice that
 * received a delta but no finish reason is reported as {@code error}.
 *
 * <p>Memory is bounded: text, reasoning and argument characters are accumulated up to a budget, after which they
 * are dropped and {@link #truncated()} is true. Choice and tool-call indexes from 0 to 1023 are tracked; deltas with
 * any other index are ignored. Without content capture no text is kept at all, only what the
 * metadata needs. Feeding deltas allocates nothing once a choice and its tool calls exist and content is off.
 *
 * <p>Not thread-safe: a stream delivers its chunks one after the other. An instance belongs to one
 * {@link Inference} ({@link Inference#onChunk()}); providers can also use one on its own.
 */
public final class StreamAccumulator {

    /**
     * The number of choice indexes, and of tool-call indexes per choice, that are tracked: deltas for a higher (or
     * negative) index are ignored, so a bogus index can neither throw into the stream nor allocate a huge array.
     */
    static final int MAX_INDEXES = 1024;

    private static final Choice[] NO_CHOICES = new Choice[0];

    /** An accumulator that ignores everything, shared by pass-through inferences. */
    static final StreamAccumulator INERT = new StreamAccumulator(false, 0, true);

    private final boolean captureContent;
    private final boolean inert;
    private int remainingChars;
    private boolean truncated;
    private Choice[] choices = NO_CHOICES;
    private TokenUsage usage;
    private String responseId;
    private String responseModel;

    /**
     * An accumulator.
     *
     * @param captureContent whether text, reasoning and tool-call arguments are kept
     * @param maxContentChars the budget of kept characters, over all choices
     */
    public StreamAccumulator(boolean captureContent, int maxContentChars) {
        this(captureContent, maxContentChars, false);
    }

    private StreamAccumulator(boolean captureContent, int maxContentChars, boolean inert) {
        this.captureContent = captureContent;
        this.remainingChars = Math.max(0, maxContentChars);
        this.inert = inert;
    }

    /** Appends generated text to a choice. */
    public StreamAccumulator appendText(int choiceIndex, CharSequence delta) {
        Choice choice = choice(choiceIndex);
        if (choice != null && captureContent && delta != null && delta.length() > 0) {
            if (choice.text == null) {
                choice.text = new StringBuilder();
            }
            keep(choice.text, delta);
        }
        return this;
    }

    /** Appends reasoning (thinking) text to a choice. */
    public StreamAccumulator appendReasoning(int choiceIndex, CharSequence delta) {
        Choice choice = choice(choiceIndex);
        if (choice != null && captureContent && delta != null && delta.length() > 0) {
            if (choice.reasoning == null) {
                choice.reasoning = new StringBuilder();
            }
            keep(choice.reasoning, delta);
        }
        return this;
    }

    /**
     * Adds a fragment of a tool call to a choice.
     *
     * @param choiceIndex the choice
     * @param toolIndex the tool call's index within the choice
     * @param id the tool-call id when this fragment carries it, else null
     * @param name the tool name when this fragment carries it, else null
     * @param argumentsDelta the next piece of the JSON arguments, or null
     */
    public StreamAccumulator appendToolCall(
            int choiceIndex, int toolIndex, String id, String name, CharSequence argumentsDelta) {
        Choice choice = choice(choiceIndex);
        if (choice == null || toolIndex < 0 || toolIndex >= MAX_INDEXES) {
            return this;
        }
        if (!captureContent) {
            return this;
        }
        ToolCallFragment tool = choice.tool(toolIndex);
        if (id != null) {
            tool.id = id;
        }
        if (name != null) {
            tool.name = name;
        }
        if (argumentsDelta != null && argumentsDelta.length() > 0) {
            keep(tool.arguments, argumentsDelta);
        }
        return this;
    }

    /** Sets a choice's finish reason, as the provider spells it; it is normalised when read. */
    public StreamAccumulator finishReason(int choiceIndex, String reason) {
        Choice choice = choice(choiceIndex);
        if (choice != null && reason != null) {
            choice.finishReason = reason;
        }
        return this;
    }

    /** Sets the usage, usually sent with the last chunk; later counts fill in what earlier ones lacked. */
    public StreamAccumulator usage(TokenUsage value) {
        if (value != null && !inert) {
            usage = usage == null ? value : value.orElse(usage);
        }
        return this;
    }

    /** Sets the response id. */
    public StreamAccumulator responseId(String value) {
        if (value != null && !inert) {
            responseId = value;
        }
        return this;
    }

    /** Sets the model that answered. */
    public StreamAccumulator responseModel(String value) {
        if (value != null && !inert) {
            responseModel = value;
        }
        return this;
    }

    /** True when content was dropped because the budget was used up, or {@link #markTruncated()} said so. */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Records that the provider cut or left out streamed content it keeps itself, outside this accumulator (such as
     * audio larger than the blob budget), so that the operation reports {@code gen_ai.content.truncated} as it does
     * for content cut here.
     *
     * @return this accumulator
     */
    public StreamAccumulator markTruncated() {
        if (!inert) {
            truncated = true;
        }
        return this;
    }

    /** The normalised finish reasons, one per started choice in index order; {@code error} for unfinished ones. */
    public List<String> finishReasons() {
        List<String> reasons = new ArrayList<>(choices.length);
        for (Choice choice : choices) {
            if (choice != null) {
                reasons.add(choice.finishReason == null ? FinishReason.ERROR
                        : FinishReason.normalize(choice.finishReason));
            }
        }
        return reasons;
    }

    /** The output messages, one per started choice in index order; empty without content capture. */
    public List<OutputMessage> outputMessages() {
        if (!captureContent) {
            return List.of();
        }
        List<OutputMessage> messages = new ArrayList<>(choices.length);
        for (Choice choice : choices) {
            if (choice == null) {
                continue;
            }
            List<MessagePart> parts = new ArrayList<>();
            if (choice.reasoning != null) {
                parts.add(new MessagePart.Reasoning(choice.reasoning.toString()));
            }
            if (choice.text != null) {
                parts.add(new MessagePart.Text(choice.text.toString()));
            }
            for (ToolCallFragment tool : choice.tools) {
                if (tool != null) {
                    String arguments = tool.arguments.length() == 0 ? null : tool.arguments.toString();
                    parts.add(new MessagePart.ToolCallRequest(tool.id, tool.name == null ? "" : tool.name,
                            arguments));
                }
            }
            messages.add(new OutputMessage(Role.ASSISTANT, parts, null,
                    choice.finishReason == null ? FinishReason.ERROR : FinishReason.normalize(choice.finishReason)));
        }
        return messages;
    }

    /** The response accumulated so far. */
    public InferenceResponse toResponse() {
        return new InferenceResponse(responseId, responseModel, finishReasons(), outputMessages(), usage, null);
    }

    private Choice choice(int index) {
        if (index < 0 || index >= MAX_INDEXES || inert) {
            return null;
        }
        if (index < choices.length) {
            Choice choice = choices[index];
            if (choice != null) {
                return choice;
            }
        } else {
            choices = Arrays.copyOf(choices, Math.min(MAX_INDEXES, Math.max(index + 1, choices.length * 2)));
        }
        Choice choice = new Choice();
        choices[index] = choice;
        return choice;
    }

    private void keep(StringBuilder target, CharSequence delta) {
        int length = delta.length();
        if (length <= remainingChars) {
            target.append(delta);
            remainingChars -= length;
        } else {
            if (remainingChars > 0) {
                target.append(delta, 0, remainingChars);
                remainingChars = 0;
            }
            truncated = true;
        }
    }

    private static final class Choice {
        private static final ToolCallFragment[] NO_TOOLS = new ToolCallFragment[0];

        String finishReason;
        StringBuilder text;
        StringBuilder reasoning;
        ToolCallFragment[] tools = NO_TOOLS;

        ToolCallFragment tool(int index) {
            if (index >= tools.length) {
                tools = Arrays.copyOf(tools, Math.min(MAX_INDEXES, Math.max(index + 1, tools.length * 2)));
            }
            ToolCallFragment tool = tools[index];
            if (tool == null) {
                tool = new ToolCallFragment();
                tools[index] = tool;
            }
            return tool;
        }
    }

    private static final class ToolCallFragment {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }
}
