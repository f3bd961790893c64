package dev.genaiotel.openai.internal;

import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * A streamed chat completion. When the instrumentation added {@code stream_options.include_usage} itself, the
 * server's extra last chunk (no choices, only usage) is read here and hidden from the caller.
 */
final class ChatStream extends InferenceStream<ChatCompletionChunk> {

    private final boolean hideUsageChunk;
    private TokenUsage usage;
    private String serviceTier;
    private String systemFingerprint;
    private boolean identified;

    ChatStream(Inference inference, boolean hideUsageChunk) {
        super(inference);
        this.hideUsageChunk = hideUsageChunk;
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
            }
            for (ChatCompletionChunk.Choice choice : choices) {
                int index = (int) choice.index();
                ChatCompletionChunk.Choice.Delta delta = choice.delta();
                Optional<String> text = delta.content();
                if (text.isPresent()) {
                    accumulator.appendText(index, text.get());
                } else {
                    accumulator.appendText(index, null);
                }
                Optional<List<ChatCompletionChunk.Choice.Delta.ToolCall>> toolCalls = delta.toolCalls();
                if (toolCalls.isPresent()) {
                    for (ChatCompletionChunk.Choice.Delta.ToolCall call : toolCalls.get()) {
                        var function = call.function();
                        accumulator.appendToolCall(index, (int) call.index(), call.id().orElse(null),
                                function.flatMap(f -> f.name()).orElse(null),
                                function.flatMap(f -> f.arguments()).orElse(null));
                    }
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

    @Override
    InferenceResponse finalResponse() {
        return InferenceResponse.builder()
                .usage(usage)
                .attributes(ChatMapping.responseAttributes(serviceTier, systemFingerprint))
                .build();
    }
}
