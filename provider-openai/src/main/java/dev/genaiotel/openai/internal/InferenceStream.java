package dev.genaiotel.openai.internal;

import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;

/**
 * A streamed inference: subclasses read each item; the end is the same for every API. Whatever the subclass kept
 * aside ({@link #finalResponse()}) is merged over what the core accumulated from the chunks.
 */
abstract class InferenceStream<T> extends StreamObserver<T> {

    final Inference inference;

    InferenceStream(Inference inference) {
        this.inference = inference;
    }

    /** What the stream told beyond the accumulated chunks (usage, provider attributes, a final response). */
    abstract InferenceResponse finalResponse();

    @Override
    final Scope makeCurrent() {
        return inference.makeCurrent();
    }

    @Override
    void completed() {
        endWithFinal();
    }

    @Override
    final void closed() {
        endWithFinal();
    }

    @Override
    final void failed(Throwable error) {
        Throwable cause = Errors.unwrap(error);
        inference.fail(cause, Errors.type(cause));
    }

    @Override
    final StreamWatch watch(Object owner) {
        return inference.endWhenAbandoned(owner);
    }

    final void endWithFinal() {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response;
        try {
            response = finalResponse();
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("stream end", e);
            response = null;
        }
        inference.end(response);
    }
}
