package dev.genaiotel.openai.internal;

import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A streamed chat completion. When the instrumentation added {@code stream_options.include_usage} itself, the
 * server's extra last chunk (no choices, only usage) is read here and hidden from the caller.
 *
 * <p>With content capture on, refusal and audio deltas, which the core's accumulator has no place for, are kept
 * here per choice ({@link StreamedExtras}) and added to the accumulated output messages at the end, as the parts a
 * non-streamed answer maps them to.
 */
final class ChatStream extends InferenceStream<ChatCompletionChunk> {

    private final boolean hideUsageChunk;
    /**
     * Whether content is captured. Without it the accumulator keeps no text and no tool-call fragment, only which
     * choices started and how they finished, so the deltas are not even read.
     */
    private final boolean content;
    /** The refusal and audio deltas per choice; null unless content is captured. */
    private final StreamedExtras extras;
    private StreamAccumulator accumulator;
    private TokenUsage usage;
    private String serviceTier;
    private String systemFingerprint;
    private boolean identified;

    ChatStream(Inference inference, boolean hideUsageChunk) {
        this(inference, hideUsageChunk, false, null);
    }

    /**
     * @param content whether content is captured
     * @param extras where refusal and audio deltas go, with content only; else null
     */
    ChatStream(Inference inference, boolean hideUsageChunk, boolean content, StreamedExtras extras) {
        super(inference);
        this.hideUsageChunk = hideUsageChunk;
        this.content = content;
        this.extras = extras;
    }

    @Override
    @SuppressWarnings("deprecation") // system_fingerprint is still reported
    boolean onItem(ChatCompletionChunk chunk) {
        try {
            List<ChatCompletionChunk.Choice> choices = chunk.choices();
            if (hideUsageChunk && choices.isEmpty() && chunk.usage().isPresent()) {
                usage = ChatMapping.usage(chunk.usage().get());
                return false;
            }
            if (inference.isEnded()) {
                return true;
            }
            StreamAccumulator accumulator = inference.onChunk();
            if (!identified) {
                // Every chunk repeats id and model; openai-java parses each accessor's field anew.
                accumulator.responseId(chunk.id()).responseModel(chunk.model());
                identified = true;
                this.accumulator = accumulator;
            }
            for (ChatCompletionChunk.Choice choice : choices) {
                int index = (int) choice.index();
                if (content) {
                    delta(accumulator, index, choice.delta());
                } else {
                    // Starts the choice, which is all the accumulator keeps of a delta without content.
                    accumulator.appendText(index, null);
                }
                var reason = choice.finishReason();
                if (reason.isPresent()) {
                    accumulator.finishReason(index, reason.get().asString());
                }
            }
            Optional<CompletionUsage> chunkUsage = chunk.usage();
            if (chunkUsage.isPresent()) {
                usage = ChatMapping.usage(chunkUsage.get());
            }
            if (serviceTier == null) {
                serviceTier = chunk.serviceTier().map(tier -> tier.asString()).orElse(null);
            }
            if (systemFingerprint == null) {
                systemFingerprint = chunk.systemFingerprint().orElse(null);
            }
        } catch (RuntimeException e) {
            FailSoft.log("chat stream chunk", e);
        }
        return true;
    }

    private void delta(StreamAccumulator accumulator, int index, ChatCompletionChunk.Choice.Delta delta) {
        Optional<String> text = delta.content();
        accumulator.appendText(index, text.isPresent() ? text.get() : null);
        Optional<List<ChatCompletionChunk.Choice.Delta.ToolCall>> toolCalls = delta.toolCalls();
        if (toolCalls.isPresent()) {
            for (ChatCompletionChunk.Choice.Delta.ToolCall call : toolCalls.get()) {
                var function = call.function();
                accumulator.appendToolCall(index, (int) call.index(), call.id().orElse(null),
                        function.flatMap(f -> f.name()).orElse(null),
                        function.flatMap(f -> f.arguments()).orElse(null));
            }
        }
        if (extras != null) {
            extras.add(index, delta);
        }
    }

    @Override
    InferenceResponse finalResponse() {
        InferenceResponse.Builder response = InferenceResponse.builder()
                .usage(usage)
                .attributes(ChatMapping.responseAttributes(serviceTier, systemFingerprint));
        if (extras != null && accumulator != null && !extras.isEmpty()) {
            if (extras.truncated()) {
                accumulator.markTruncated();
            }
            List<OutputMessage> messages = extras.addTo(accumulator.outputMessages());
            if (!messages.isEmpty()) {
                response.outputMessages(messages);
            }
        }
        return response.build();
    }

    /** Keeps the parts of streamed answers that the accumulator has no place for. */
    static final class StreamedExtras {
        /** The same bound on choice indexes as the core's accumulator. */
        private static final int MAX_CHOICES = 1024;

        private final String audioMime;
        private final int blobMaxBytes;
        private int remainingChars;
        /** Per choice index, in index order as the accumulator keeps them; null where a choice had none. */
        private final List<Extra> byChoice = new ArrayList<>();
        /** The choice indexes seen, as the accumulator starts one message per choice. */
        private final BitSet started = new BitSet();

        /**
         * @param audioFormat the audio format the request asked for, or null
         * @param maxChars the characters of refusal and transcript text kept, over all choices
         * @param blobMaxBytes the audio bytes kept; a longer answer is reported by size, as the core reports blobs
         */
        StreamedExtras(String audioFormat, int maxChars, int blobMaxBytes) {
            this.audioMime = Parts.audioMime(audioFormat);
            this.remainingChars = Math.max(0, maxChars);
            this.blobMaxBytes = Math.max(0, blobMaxBytes);
        }

        void add(int index, ChatCompletionChunk.Choice.Delta delta) {
            if (index < 0 || index >= MAX_CHOICES) {
                return;
            }
            started.set(index);
            Optional<String> refusal = delta.refusal();
            if (refusal.isPresent() && !refusal.get().isEmpty()) {
                Extra extra = extra(index);
                String text = refusal.get();
                int kept = take(text);
                if (kept > 0) {
                    extra.refusal().append(text, 0, kept);
                }
                extra.refusalCut |= kept < text.length();
            }
            Optional<ChatCompletionChunk.Choice.Delta.Audio> audio = delta.audio();
            if (audio.isPresent()) {
                Extra extra = extra(index);
                extra.audio = true;
                ChatCompletionChunk.Choice.Delta.Audio piece = audio.get();
                Optional<String> transcript = piece.transcript();
                if (transcript.isPresent() && !transcript.get().isEmpty()) {
                    String text = transcript.get();
                    int kept = take(text);
                    if (kept > 0) {
                        extra.transcript().append(text, 0, kept);
                    }
                    extra.transcriptCut |= kept < text.length();
                }
                piece.data().ifPresent(data -> extra.addAudio(Parts.decode(data), blobMaxBytes));
            }
        }

        boolean isEmpty() {
            return byChoice.isEmpty();
        }

        /**
         * Whether a kept part lost content: refusal text cut at the budget, audio left out for its size, or the
         * transcript cut where it stands in for audio that came without data.
         */
        boolean truncated() {
            for (Extra extra : byChoice) {
                if (extra != null && extra.truncated(blobMaxBytes)) {
                    return true;
                }
            }
            return false;
        }

        /** The accumulator's messages (one per started choice, in index order) with the kept parts added. */
        List<OutputMessage> addTo(List<OutputMessage> messages) {
            List<OutputMessage> result = new ArrayList<>(messages);
            int position = 0;
            for (int index = started.nextSetBit(0); index >= 0 && position < result.size();
                    index = started.nextSetBit(index + 1), position++) {
                Extra extra = index < byChoice.size() ? byChoice.get(index) : null;
                if (extra == null) {
                    continue;
                }
                OutputMessage message = result.get(position);
                List<MessagePart> parts = new ArrayList<>(message.parts());
                if (extra.refusal != null) {
                    // After the text, before any tool call, as a non-streamed answer lists them.
                    int at = 0;
                    while (at < parts.size() && !(parts.get(at) instanceof MessagePart.ToolCallRequest)) {
                        at++;
                    }
                    parts.add(at, ChatMapping.refusal(extra.refusal.toString()));
                }
                MessagePart audio = extra.audioPart(audioMime);
                if (audio != null) {
                    parts.add(audio);
                }
                result.set(position, new OutputMessage(message.role(), parts, message.name(),
                        message.finishReason()));
            }
            return result;
        }

        private Extra extra(int index) {
            while (byChoice.size() <= index) {
                byChoice.add(null);
            }
            Extra extra = byChoice.get(index);
            if (extra == null) {
                extra = new Extra();
                byChoice.set(index, extra);
            }
            return extra;
        }

        /** How many characters of {@code delta} the budget has room for, taken from it. */
        private int take(String delta) {
            int kept = Math.min(delta.length(), remainingChars);
            remainingChars -= kept;
            return kept;
        }
    }

    /** One choice's refusal and audio. */
    private static final class Extra {
        StringBuilder refusal;
        boolean refusalCut;
        boolean transcriptCut;
        StringBuilder transcript;
        boolean audio;
        ByteArrayOutputStream audioBytes;
        long audioSize;

        StringBuilder refusal() {
            if (refusal == null) {
                refusal = new StringBuilder();
            }
            return refusal;
        }

        StringBuilder transcript() {
            if (transcript == null) {
                transcript = new StringBuilder();
            }
            return transcript;
        }

        void addAudio(byte[] bytes, int blobMaxBytes) {
            if (bytes == null || bytes.length == 0) {
                return;
            }
            audioSize += bytes.length;
            if (audioSize <= blobMaxBytes) {
                if (audioBytes == null) {
                    audioBytes = new ByteArrayOutputStream();
                }
                audioBytes.write(bytes, 0, bytes.length);
            } else {
                audioBytes = null;
            }
        }

        boolean truncated(int blobMaxBytes) {
            return refusalCut || audioSize > blobMaxBytes || (audio && audioSize == 0 && transcriptCut);
        }

        /** As a non-streamed answer maps its audio: the bytes as a blob, else the transcript as text. */
        MessagePart audioPart(String mime) {
            if (!audio) {
                return null;
            }
            if (audioSize > 0) {
                return audioBytes != null ? new MessagePart.Blob(mime, Modality.AUDIO,
                        audioBytes.toByteArray()) : Parts.omittedAudio(mime, audioSize);
            }
            return transcript != null ? new MessagePart.Text(transcript.toString()) : null;
        }
    }
}
