package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An operation's content with every text cut to one limit and the blob policy applied: one step of
 * {@link RecordedContent}'s budgets. Lists and messages that needed no change are the originals, not copies.
 */
final class CutContent implements UnaryOperator<String> {

    /** The content as the operation gave it, and the largest blob recorded whole. */
    record Original(List<MessagePart> system, List<InputMessage> input, List<OutputMessage> output, Object arguments,
            Object result, String query, int blobMaxBytes) {

        /** The length of every text in the content, in the order they are cut. */
        int[] textLengths() {
            int[][] lengths = {new int[16]};
            int[] count = {0};
            UnaryOperator<String> measure = text -> {
                if (count[0] == lengths[0].length) {
                    lengths[0] = Arrays.copyOf(lengths[0], count[0] * 2);
                }
                lengths[0][count[0]++] = text.length();
                return text;
            };
            for (MessagePart part : system) {
                ContentText.map(part, measure);
            }
            for (InputMessage message : input) {
                for (MessagePart part : message.parts()) {
                    ContentText.map(part, measure);
                }
            }
            for (OutputMessage message : output) {
                for (MessagePart part : message.parts()) {
                    ContentText.map(part, measure);
                }
            }
            ContentText.mapValue(arguments, measure);
            ContentText.mapValue(result, measure);
            if (query != null) {
                measure.apply(query);
            }
            return Arrays.copyOf(lengths[0], count[0]);
        }
    }

    private final Original original;
    private final int limit;
    boolean truncated;
    final List<MessagePart> system;
    final List<InputMessage> input;
    final List<OutputMessage> output;
    final Object arguments;
    final Object result;
    final String query;

    CutContent(Original original, int limit) {
        this.original = original;
        this.limit = limit;
        this.system = parts(original.system());
        this.input = inputMessages();
        this.output = outputMessages();
        this.arguments = ContentText.mapValue(original.arguments(), this);
        this.result = ContentText.mapValue(original.result(), this);
        this.query = original.query() == null ? null : apply(original.query());
    }

    @Override
    public String apply(String text) {
        String cut = RecordedContent.truncate(text, limit);
        if (cut != text) {
            truncated = true;
        }
        return cut;
    }

    /** The input messages with texts cut: the same list when nothing had to change. */
    private List<InputMessage> inputMessages() {
        List<InputMessage> copy = null;
        for (int i = 0, size = original.input().size(); i < size; i++) {
            InputMessage message = original.input().get(i);
            List<MessagePart> parts = parts(message.parts());
            if (copy == null && parts != message.parts()) {
                copy = new ArrayList<>(size);
                copy.addAll(original.input().subList(0, i));
            }
            if (copy != null) {
                copy.add(parts == message.parts() ? message
                        : new InputMessage(message.role(), parts, message.name()));
            }
        }
        return copy == null ? original.input() : copy;
    }

    /** The output messages with texts cut: the same list when nothing had to change. */
    private List<OutputMessage> outputMessages() {
        List<OutputMessage> copy = null;
        for (int i = 0, size = original.output().size(); i < size; i++) {
            OutputMessage message = original.output().get(i);
            List<MessagePart> parts = parts(message.parts());
            if (copy == null && parts != message.parts()) {
                copy = new ArrayList<>(size);
                copy.addAll(original.output().subList(0, i));
            }
            if (copy != null) {
                copy.add(parts == message.parts() ? message
                        : new OutputMessage(message.role(), parts, message.name(), message.finishReason()));
            }
        }
        return copy == null ? original.output() : copy;
    }

    /** The parts with texts cut and the blob policy applied: the same list when nothing had to change. */
    private List<MessagePart> parts(List<MessagePart> parts) {
        List<MessagePart> copy = null;
        for (int i = 0; i < parts.size(); i++) {
            MessagePart part = parts.get(i);
            MessagePart kept;
            if (part instanceof MessagePart.Blob blob && blob.contentLength() > original.blobMaxBytes()) {
                truncated = true;
                kept = OmittedBlob.of(blob.mimeType(), blob.modality(), blob.contentLength());
            } else if (part instanceof MessagePart.Blob) {
                kept = part;
            } else {
                kept = ContentText.map(part, this);
            }
            if (copy == null && kept != part) {
                copy = new ArrayList<>(parts.size());
                copy.addAll(parts.subList(0, i));
            }
            if (copy != null) {
                copy.add(kept);
            }
        }
        return copy == null ? parts : copy;
    }
}
