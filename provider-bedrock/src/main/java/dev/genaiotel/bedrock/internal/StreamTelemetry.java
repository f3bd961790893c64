package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The telemetry of one streamed call. The stream wrappers feed it every event and tell it how the stream ended;
 * every method is fail-soft, never throws, never blocks, and ends the span at most once (the core guarantees the
 * last part). Nothing is buffered: each event is read when it passes and handed on at once.
 *
 * @param <E> the event type
 */
abstract class StreamTelemetry<E> {

    final Inference inference;
    private final String where;

    /** Set once the application subscribed to the stream: the SDK then keeps it alive, not the application. */
    volatile boolean subscribed;

    StreamTelemetry(Inference inference, String where) {
        this.inference = inference;
        this.where = where;
    }

    /** Reads one event into the inference (chunk timing, accumulator). Called one event after the other. */
    abstract void read(E event);

    /** What the stream told beyond the accumulated chunks, or null. */
    InferenceResponse finalResponse() {
        return null;
    }

    /** An event passed on its way to the application. */
    final void onEvent(E event) {
        if (inference.isEnded()) {
            return;
        }
        try {
            read(event);
        } catch (RuntimeException e) {
            FailSoft.log(where + " event", e);
        }
    }

    /** The stream ended normally. */
    final void completed() {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response = null;
        try {
            response = finalResponse();
        } catch (RuntimeException e) {
            FailSoft.log(where + " end", e);
        }
        try {
            inference.end(response);
        } catch (RuntimeException e) {
            FailSoft.log(where + " end", e);
        }
    }

    /** The subscriber cancelled the stream: the span ends with what arrived so far. */
    final void cancelled() {
        completed();
    }

    /** The request or the stream failed. */
    final void failed(Throwable error) {
        if (inference.isEnded()) {
            return;
        }
        try {
            Throwable cause = Errors.unwrap(error);
            if (cause instanceof CancellationException) {
                completed();
                return;
            }
            inference.fail(cause, Errors.type(cause));
        } catch (RuntimeException e) {
            FailSoft.log(where + " failure", e);
        }
    }

    /** The application dropped the stream without subscribing to it. */
    final void abandoned() {
        if (subscribed || inference.isEnded()) {
            return;
        }
        try {
            inference.fail(null, Errors.STREAM_ABANDONED);
        } catch (RuntimeException e) {
            FailSoft.log(where + " abandoned", e);
        }
    }

    /** The view of {@code publisher} to hand to the application. */
    final SdkPublisher<E> observe(SdkPublisher<E> publisher) {
        return ObservedPublisher.create(publisher, this);
    }

    /** Watches the future of the call: it completes when the stream ended one way or another. */
    final void observe(java.util.concurrent.CompletableFuture<?> future) {
        future.whenComplete((ignored, error) -> {
            if (error == null) {
                completed();
            } else {
                failed(error);
            }
        });
    }
}
