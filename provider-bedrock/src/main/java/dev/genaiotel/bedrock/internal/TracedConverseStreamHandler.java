package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/** The application's ConverseStream handler with the telemetry beside it. */
final class TracedConverseStreamHandler extends TracedStreamHandler<ConverseStreamResponse, ConverseStreamOutput>
        implements ConverseStreamResponseHandler {

    TracedConverseStreamHandler(ConverseStreamResponseHandler delegate, ConverseStreamTelemetry telemetry) {
        super(delegate, telemetry);
    }
}
