package dev.genaiotel.openai.internal;

import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;

/** A streamed legacy completion: each chunk is a {@link Completion} carrying text deltas per choice. */
final class CompletionsStream extends InferenceStream<Completion> {

    private TokenUsage usage;
    private String systemFingerprint;

    CompletionsStream(Inference inference) {
        super(inference);
    }

    @Override
    boolean onItem(Completion chunk) {
        if (inference.isEnded()) {
            return true;
        }
        try {
            StreamAccumulator accumulator = inference.onChunk();
            accumulator.responseId(chunk.id()).responseModel(chunk.model());
            for (CompletionChoice choice : chunk.choices()) {
                int index = (int) choice.index();
                accumulator.appendText(index, choice.text());
                if (!choice._finishReason().isNull() && !choice._finishReason().isMissing()) {
                    accumulator.finishReason(index, choice.finishReason().asString());
                }
            }
            if (chunk.usage().isPresent()) {
                usage = UsageMapping.chat(chunk.usage().get());
            }
            if (systemFingerprint == null) {
                systemFingerprint = chunk.systemFingerprint().orElse(null);
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("completions stream chunk", e);
        }
        return true;
    }

    @Override
    InferenceResponse finalResponse() {
        return InferenceResponse.builder().usage(usage)
                .attributes(ChatMapping.responseAttributes(null, systemFingerprint)).build();
    }
}
