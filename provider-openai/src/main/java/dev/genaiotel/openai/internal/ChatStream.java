package dev.genaiotel.openai.internal;

import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import java.util.List;
import java.util.Optional;

/**
 * A streamed chat completion. When the instrumentation added {@code stream_options.include_usage} itself, the
 * server's extra last chunk (no choices, only usage) is read here and hidden from the caller.
 *
 * <p>With content capture on, refusal and audio deltas go to the accumulator as the parts a non-streamed answer maps
 * them to: a {@code refusal} part after the text, the audio as a blob (its transcript when no data arrives) last.
 */
final class ChatStream extends InferenceStream<ChatCompletionChunk> {

    private final boolean hideUsageChunk;
    /** The request, for the media type of generated audio; read only if audio content is recorded. */
    private final ChatCompletionCreateParams params;
    private String audioMime;
    private boolean audioMimeKnown;
    private TokenUsage usage;
    private String serviceTier;
    private String systemFingerprint;
    private boolean identified;

    /**
     * @param hideUsageChunk whether the usage-only chunk was asked for by the instrumentation, not the caller
     * @param params the request, or null when unknown
     */
    ChatStream(Inference inference, boolean hideUsageChunk, ChatCompletionCreateParams params) {
        super(inference);
        this.hideUsageChunk = hideUsageChunk;
        this.params = params;
    }

    @Override
    @SuppressWarnings("deprecation") // system_fingerprint is still reported
    boolean onItem(ChatCompletionChunk chunk) {
        try {
            List<ChatCompletionChunk.Choice> choices = chunk.choices();
            if (hideUsageChunk && choices.isEmpty() && chunk.usage().isPresent()) {
                usage = UsageMapping.chat(chunk.usage().get());
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
            }
            // Without content the accumulator keeps only which choices started and how they finished, so the
            // deltas (which openai-java parses field by field on access) are not even read.
            boolean content = accumulator.capturesContent();
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
                usage = UsageMapping.chat(chunkUsage.get());
            }
            if (serviceTier == null) {
                serviceTier = chunk.serviceTier().map(tier -> tier.asString()).orElse(null);
            }
            if (systemFingerprint == null) {
                systemFingerprint = chunk.systemFingerprint().orElse(null);
            }
        } catch (RuntimeException | LinkageError e) {
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
        Optional<String> refusal = delta.refusal();
        if (refusal.isPresent()) {
            accumulator.appendGenericText(index, ChatMapping.REFUSAL, refusal.get());
        }
        // Audio deltas came after openai-java 4.49.0: on older versions reading them costs the audio only.
        FailSoft.run("chat stream audio delta", () -> audio(accumulator, index, delta));
    }

    private void audio(StreamAccumulator accumulator, int index, ChatCompletionChunk.Choice.Delta delta) {
        Optional<ChatCompletionChunk.Choice.Delta.Audio> audio = delta.audio();
        if (audio.isPresent()) {
            ChatCompletionChunk.Choice.Delta.Audio piece = audio.get();
            Optional<String> transcript = piece.transcript();
            if (transcript.isPresent()) {
                accumulator.appendBlobText(index, transcript.get());
            }
            Optional<String> data = piece.data();
            if (data.isPresent()) {
                accumulator.appendBlob(index, audioMime(), Modality.AUDIO, Parts.decode(data.get()));
            }
        }
    }

    private String audioMime() {
        if (!audioMimeKnown) {
            audioMime = params == null ? null : Parts.audioMime(ChatMapping.audioFormat(params));
            audioMimeKnown = true;
        }
        return audioMime;
    }

    @Override
    InferenceResponse finalResponse() {
        return InferenceResponse.builder()
                .usage(usage)
                .attributes(ChatMapping.responseAttributes(serviceTier, systemFingerprint))
                .build();
    }
}
