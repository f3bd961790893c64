package dev.genaiotel.openai.internal;

import dev.genaiotel.core.StreamWatch;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import io.opentelemetry.context.Scope;
import java.util.function.Function;

/** A non-streaming inference: the result is mapped to an {@link InferenceResponse} only when something records. */
final class InferenceCall<R> extends TracedCall<R> {

    private final Inference inference;
    private final Function<R, InferenceResponse> mapper;

    InferenceCall(Inference inference, Function<R, InferenceResponse> mapper) {
        this.inference = inference;
        this.mapper = mapper;
    }

    @Override
    Scope makeCurrent() {
        return inference.makeCurrent();
    }

    @Override
    void succeeded(R result) {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response;
        try {
            response = mapper.apply(result);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("response mapping", e);
            response = InferenceResponse.empty();
        }
        inference.end(response);
    }

    @Override
    void failed(Throwable error) {
        Throwable cause = Errors.unwrap(error);
        inference.fail(cause, Errors.type(cause));
    }

    @Override
    void endedWithoutResult() {
        inference.end();
    }

    @Override
    StreamWatch watch(Object owner) {
        return inference.endWhenAbandoned(owner);
    }
}
