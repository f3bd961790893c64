package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * The application's ConverseStream handler with the telemetry beside it: every callback reaches the application's
 * handler unchanged and in the same thread; the event publisher it receives is an {@link ObservedPublisher}.
 */
final class TracedConverseStreamHandler implements ConverseStreamResponseHandler {

    private final ConverseStreamResponseHandler delegate;
    private final ConverseStreamTelemetry telemetry;

    TracedConverseStreamHandler(ConverseStreamResponseHandler delegate, ConverseStreamTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public void responseReceived(ConverseStreamResponse response) {
        delegate.responseReceived(response);
    }

    @Override
    public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
        delegate.onEventStream(telemetry.observe(publisher));
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        telemetry.failed(error);
        delegate.exceptionOccurred(error);
    }

    @Override
    public void complete() {
        telemetry.completed();
        delegate.complete();
    }
}
