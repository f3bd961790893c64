package dev.genaiotel.core;

import dev.genaiotel.core.internal.InferenceOperation;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One inference call that carries many prompts (for example a legacy completions request with a prompt array):
 * one span and one set of metric points for the call, with the batch lifecycle methods of
 * {@link GenAiListener} (start, end, error) called instead of the single ones.
 */
public final class InferenceBatch extends Invocation {

    static final InferenceBatch PASS_THROUGH = new InferenceBatch(null);

    private final InferenceOperation typed;

    InferenceBatch(InferenceOperation op) {
        super(op);
        this.typed = op;
    }

    /**
     * Ends the batch with one response per prompt, recorded as one response: the first id and model, the finish
     * reasons and output messages in order, the usage summed.
     */
    public void end(List<InferenceResponse> responses) {
        if (typed != null) {
            typed.end(merge(responses));
        }
    }

    /** Records the responses for {@link #close()} to end with. */
    public void recordResponses(List<InferenceResponse> responses) {
        if (typed != null) {
            typed.record(merge(responses));
        }
    }

    private static InferenceResponse merge(List<InferenceResponse> responses) {
        if (responses == null || responses.isEmpty()) {
            return InferenceResponse.empty();
        }
        String id = null;
        String model = null;
        List<String> reasons = new ArrayList<>();
        List<List<OutputMessage>> messages = new ArrayList<>();
        TokenUsage usage = null;
        for (InferenceResponse response : responses) {
            if (response == null) {
                continue;
            }
            id = id != null ? id : response.responseId();
            model = model != null ? model : response.responseModel();
            reasons.addAll(response.finishReasons());
            messages.add(response.outputMessages());
            usage = usage == null ? response.usage() : usage.plus(response.usage());
        }
        return InferenceResponse.builder().responseId(id).responseModel(model).finishReasons(reasons)
                .outputMessages(() -> concat(messages)).usage(usage).build();
    }

    /** The responses' output messages in order; read only when content is recorded. */
    private static List<OutputMessage> concat(List<List<OutputMessage>> lists) {
        List<OutputMessage> all = new ArrayList<>();
        for (List<OutputMessage> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
