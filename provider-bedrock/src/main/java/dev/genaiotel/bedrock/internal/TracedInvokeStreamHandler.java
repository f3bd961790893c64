package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/** The application's InvokeModelWithResponseStream handler with the telemetry beside it. */
final class TracedInvokeStreamHandler
        extends TracedStreamHandler<InvokeModelWithResponseStreamResponse, ResponseStream>
        implements InvokeModelWithResponseStreamResponseHandler {

    TracedInvokeStreamHandler(InvokeModelWithResponseStreamResponseHandler delegate,
            InvokeStreamTelemetry telemetry) {
        super(delegate, telemetry);
    }
}
