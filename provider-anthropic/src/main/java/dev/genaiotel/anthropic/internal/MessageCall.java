package dev.genaiotel.anthropic.internal;

import com.anthropic.models.messages.Message;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;

/**
 * The telemetry of one non-streamed {@code messages().create}: made current while the client sends the request,
 * then ended exactly once with the message, the failure, or nothing when the caller never looks at the result.
 */
final class MessageCall {

    private final Inference inference;

    MessageCall(Inference inference) {
        this.inference = inference;
    }

    /** Makes the call's span current while the client sends the request. */
    Scope makeCurrent() {
        return inference.makeCurrent();
    }

    /** The client returned {@code message}; it is mapped to a response only when the call has not ended. */
    void succeeded(Message message) {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response;
        try {
            response = MessageMapping.response(message);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message response mapping", e);
            response = InferenceResponse.empty();
        }
        inference.end(response);
    }

    /** The client threw {@code error} (possibly wrapped by a future). */
    void failed(Throwable error) {
        Throwable cause = Errors.unwrap(error);
        inference.fail(cause, Errors.type(cause));
    }

    /** The call ended without a parsed result: a raw response closed or read as bytes. */
    void endedWithoutResult() {
        inference.end();
    }

    /** Ends the call as abandoned if {@code owner}, a raw response, is dropped unparsed and unclosed. */
    StreamWatch watch(Object owner) {
        return inference.endWhenAbandoned(owner);
    }
}
