package dev.genaiotel.core.internal;

import dev.genaiotel.core.GenAiListener;

/** Adapts a user {@link GenAiListener} to the pipeline, routing batch operations to the batch methods. */
final class ListenerRecorder implements Recorder {

    final GenAiListener listener;

    ListenerRecorder(GenAiListener listener) {
        this.listener = listener;
    }

    @Override
    public void onStart(Operation<?, ?> op) {
        if (op.batchSize > 0) {
            listener.onBatchStart(op);
        } else {
            listener.onStart(op);
        }
    }

    @Override
    public void onEnd(Operation<?, ?> op) {
        if (op.batchSize > 0) {
            listener.onBatchEnd(op);
        } else {
            listener.onEnd(op);
        }
    }

    @Override
    public void onError(Operation<?, ?> op) {
        if (op.batchSize > 0) {
            listener.onBatchError(op);
        } else {
            listener.onError(op);
        }
    }
}
