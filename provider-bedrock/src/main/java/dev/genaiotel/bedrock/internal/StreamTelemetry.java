package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/**
 * The telemetry of one streamed call. The stream wrappers feed it every event and tell it how the stream ended;
 * every method is fail-soft, never throws, never blocks, and ends the span at most once (the core guarantees the
 * last part). Nothing is buffered: each event is read when it passes and handed on at once.
 *
 * @param <E> the event type
 */
abstract class StreamTelemetry<E> implements CallTelemetry<Void>, StreamObserver<E> {

    final Inference inference;
    private final String where;

    private volatile StreamWatch watch;

    StreamTelemetry(Inference inference, String where) {
        this.inference = inference;
        this.where = where;
    }

    @Override
    public final void subscribed() {
        StreamWatch current = watch;
        if (current != null) {
            current.release();
        }
    }

    @Override
    public final void watch(Object view) {
        watch = inference.endWhenAbandoned(view);
    }

    /** Reads one event into the inference (chunk timing, accumulator). Called one event after the other. */
    abstract void read(E event);

    /** What the stream told beyond the accumulated chunks, or null. */
    InferenceResponse finalResponse() {
        return null;
    }

    /** An event passed on its way to the application. */
    @Override
    public final void onEvent(E event) {
        if (inference.isEnded()) {
            return;
        }
        try {
            read(event);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(where + " event", e);
        }
    }

    /** The stream ended normally. */
    @Override
    public final void completed() {
        if (inference.isEnded()) {
            return;
        }
        InferenceResponse response = null;
        try {
            response = finalResponse();
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(where + " end", e);
        }
        try {
            inference.end(response);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(where + " end", e);
        }
    }

    /** The subscriber cancelled the stream: the span ends with what arrived so far. */
    @Override
    public final void cancelled() {
        completed();
    }

    @Override
    public final Scope makeCurrent() {
        return inference.makeCurrent();
    }

    /** The request or the stream failed. */
    @Override
    public final void failed(Throwable error) {
        if (inference.isEnded()) {
            return;
        }
        try {
            if (Errors.isCancellation(error)) {
                completed();
                return;
            }
            Errors.fail(inference, error);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log(where + " failure", e);
        }
    }

    /** Watches the future of the call: it completes when the stream ended one way or another. */
    @Override
    public final void observe(CompletableFuture<? extends Void> future) {
        future.whenComplete((ignored, error) -> {
            if (error == null) {
                completed();
            } else {
                failed(error);
            }
        });
    }
}
