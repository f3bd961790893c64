package dev.genaiotel.core;

import dev.genaiotel.core.internal.OmittedBlob;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the provider-neutral deltas of a streamed response into the output messages, finish reasons, usage, id
 * and model of the final response ({@code gen_ai.output.messages}, {@code gen_ai.response.finish_reasons}, ...).
 *
 * <p>Choices are kept apart by index and may interleave; tool calls are assembled from fragments by their index
 * within the choice (id and name usually come with the first fragment, the arguments in pieces). A choice that
 * received a delta but no finish reason is reported as {@code error}.
 *
 * <p>Memory is bounded: text, reasoning and argument characters are accumulated up to a budget, after which they
 * are dropped and {@link #truncated()} is true; a streamed blob keeps its bytes up to the blob budget and is described
 * by its size beyond it, as content capture describes any larger blob. Choice and tool-call indexes from 0 to 1023
 * are tracked; deltas with any other index are ignored. Without content capture no text is kept at all, only what
 * the metadata needs. Feeding deltas allocates nothing once a choice and its tool calls exist and content is off.
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
    static final StreamAccumulator INERT = new StreamAccumulator(false, 0, 0, true);

    private final boolean captureContent;
    private final boolean inert;
    private final int blobMaxBytes;
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
        this(captureContent, maxContentChars, 0);
    }

    /**
     * An accumulator that also keeps streamed blobs ({@link #appendBlob}).
     *
     * @param captureContent whether text, reasoning, tool-call arguments and blobs are kept
     * @param maxContentChars the budget of kept characters, over all choices
     * @param blobMaxBytes the bytes kept of each streamed blob ({@link GenAiSettings#blobMaxBytes()})
     */
    public StreamAccumulator(boolean captureContent, int maxContentChars, int blobMaxBytes) {
        this(captureContent, maxContentChars, blobMaxBytes, false);
    }

    private StreamAccumulator(boolean captureContent, int maxContentChars, int blobMaxBytes, boolean inert) {
        this.captureContent = captureContent;
        this.remainingChars = Math.max(0, maxContentChars);
        this.blobMaxBytes = Math.max(0, blobMaxBytes);
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
     * Appends text to a part of a provider-specific type, such as OpenAI's {@code refusal}: the choice's output gets a
     * {@code GenericPart} of that type with the text as {@code content}, after its text and before its tool calls.
     * The text counts against the same budget as the choice's other text.
     */
    public StreamAccumulator appendGenericText(int choiceIndex, String type, CharSequence delta) {
        Choice choice = choice(choiceIndex);
        if (choice != null && captureContent && type != null && delta != null && delta.length() > 0) {
            if (choice.generic == null) {
                choice.generic = new LinkedHashMap<>();
            }
            keep(choice.generic.computeIfAbsent(type, key -> new StringBuilder()), delta);
        }
        return this;
    }

    /**
     * Appends bytes to the choice's streamed blob (such as generated audio), which becomes the choice's last part:
     * a {@code Blob} while it is no larger than the blob budget, then only its size is kept and it is described as
     * content capture describes any larger blob, with the content marked truncated.
     *
     * @param mimeType the blob's media type, or null; the first non-null one is kept
     * @param modality the blob's modality, such as {@code audio}
     */
    public StreamAccumulator appendBlob(int choiceIndex, String mimeType, String modality, byte[] piece) {
        Choice choice = choice(choiceIndex);
        if (choice == null || !captureContent || modality == null || piece == null || piece.length == 0) {
            return this;
        }
        if (choice.blobModality == null) {
            choice.blobModality = modality;
        }
        if (choice.blobMimeType == null) {
            choice.blobMimeType = mimeType;
        }
        choice.blobSize += piece.length;
        if (choice.blobSize <= blobMaxBytes) {
            if (choice.blob == null) {
                choice.blob = new ByteArrayOutputStream();
            }
            choice.blob.write(piece, 0, piece.length);
        } else {
            choice.blob = null;
            truncated = true;
        }
        return this;
    }

    /**
     * Appends text that stands for the choice's blob when none of its bytes arrive (an audio answer's transcript):
     * it then becomes the choice's last part, as text. It counts against the text budget whether or not it is used.
     */
    public StreamAccumulator appendBlobText(int choiceIndex, CharSequence delta) {
        Choice choice = choice(choiceIndex);
        if (choice != null && captureContent && delta != null && delta.length() > 0) {
            if (choice.blobText == null) {
                choice.blobText = new StringBuilder();
            }
            choice.blobTextCut |= !fits(choice.blobText, delta);
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

    /**
     * True when kept content was cut: text at the budget, a blob larger than the blob budget, or the text standing
     * for a blob of which no bytes arrived.
     */
    public boolean truncated() {
        if (truncated) {
            return true;
        }
        for (Choice choice : choices) {
            if (choice != null && choice.blobTextCut && choice.blobSize == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when this accumulator keeps the deltas' content (text, reasoning, tool-call fragments, blobs): some
     * signal records content. When false, a provider need not even read a delta's content from its chunk: the
     * accumulator only notes which choices started and how they finished.
     */
    public boolean capturesContent() {
        return captureContent && !inert;
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
            if (choice.generic != null) {
                for (Map.Entry<String, StringBuilder> generic : choice.generic.entrySet()) {
                    if (generic.getValue().length() > 0) {
                        parts.add(new MessagePart.GenericPart(generic.getKey(),
                                Map.of("content", generic.getValue().toString())));
                    }
                }
            }
            for (ToolCallFragment tool : choice.tools) {
                if (tool != null) {
                    String arguments = tool.arguments.length() == 0 ? null : tool.arguments.toString();
                    parts.add(new MessagePart.ToolCallRequest(tool.id, tool.name == null ? "" : tool.name,
                            arguments));
                }
            }
            if (choice.blobSize > 0) {
                parts.add(choice.blob != null
                        ? new MessagePart.Blob(choice.blobMimeType, choice.blobModality, choice.blob.toByteArray())
                        : OmittedBlob.of(choice.blobMimeType, choice.blobModality, choice.blobSize));
            } else if (choice.blobText != null && choice.blobText.length() > 0) {
                parts.add(new MessagePart.Text(choice.blobText.toString()));
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
        if (!fits(target, delta)) {
            truncated = true;
        }
    }

    /** Appends what the budget has room for; false when some of {@code delta} was dropped. */
    private boolean fits(StringBuilder target, CharSequence delta) {
        int length = delta.length();
        if (length <= remainingChars) {
            target.append(delta);
            remainingChars -= length;
            return true;
        }
        if (remainingChars > 0) {
            target.append(delta, 0, remainingChars);
            remainingChars = 0;
        }
        return false;
    }

    private static final class Choice {
        private static final ToolCallFragment[] NO_TOOLS = new ToolCallFragment[0];

        String finishReason;
        StringBuilder text;
        StringBuilder reasoning;
        ToolCallFragment[] tools = NO_TOOLS;
        /** Provider-specific text parts by type, in arrival order. */
        Map<String, StringBuilder> generic;
        String blobMimeType;
        String blobModality;
        /** The blob's bytes while within the blob budget, else null. */
        ByteArrayOutputStream blob;
        long blobSize;
        StringBuilder blobText;
        boolean blobTextCut;

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
