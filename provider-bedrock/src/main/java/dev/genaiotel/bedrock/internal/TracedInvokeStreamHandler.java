package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * The application's InvokeModelWithResponseStream handler with the telemetry beside it: every callback reaches the
 * application's handler unchanged and in the same thread; the event publisher it receives is an
 * {@link ObservedPublisher}.
 */
final class TracedInvokeStreamHandler implements InvokeModelWithResponseStreamResponseHandler {

    private final InvokeModelWithResponseStreamResponseHandler delegate;
    private final InvokeStreamTelemetry telemetry;

    TracedInvokeStreamHandler(InvokeModelWithResponseStreamResponseHandler delegate,
            InvokeStreamTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public void responseReceived(InvokeModelWithResponseStreamResponse response) {
        delegate.responseReceived(response);
    }

    @Override
    public void onEventStream(SdkPublisher<ResponseStream> publisher) {
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
