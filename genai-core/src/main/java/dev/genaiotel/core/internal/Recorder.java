package dev.genaiotel.core.internal;

/** One signal (or user listener) subscribed to the operation lifecycle; a step of the engine's pipeline. */
interface Recorder {

    void onStart(Operation<?, ?> operation);

    void onEnd(Operation<?, ?> operation);

    void onError(Operation<?, ?> operation);
}
