package dev.genaiotel.bedrock.internal;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;

/**
 * The instrumented requests that the AWS SDK refuses to marshal, so that nothing is sent: a {@code modelId} that is
 * null or empty, since it is a label of the operation's URI path ({@code /model/{modelId}/...}). The SDK then throws
 * {@code SdkClientException} ("Unable to marshall request to JSON: ...") to the application, but calls no interceptor
 * hook after {@code beforeMarshalling}: failures before its request pipeline reach neither {@code afterMarshalling}
 * nor {@code onExecutionFailure} (aws/aws-sdk-java-v2 issue 806). The interceptor checks the same rule in
 * {@code beforeMarshalling}, on the request the SDK is about to marshal, and ends the span there.
 */
final class MarshallingRejection {

    private static final String PREFIX = "Unable to marshall request to JSON: ";

    private MarshallingRejection() {}

    /**
     * What the SDK will throw when it marshals {@code request}, or null when it marshals it.
     *
     * @param request the request after every interceptor's {@code modifyRequest}
     * @return a stackless exception of the type and message the application gets, or null
     */
    static SdkClientException of(SdkRequest request) {
        String modelId;
        if (request instanceof ConverseRequest converse) {
            modelId = converse.modelId();
        } else if (request instanceof ConverseStreamRequest converseStream) {
            modelId = converseStream.modelId();
        } else if (request instanceof InvokeModelRequest invoke) {
            modelId = invoke.modelId();
        } else if (request instanceof InvokeModelWithResponseStreamRequest invokeStream) {
            modelId = invokeStream.modelId();
        } else {
            return null;
        }
        if (modelId == null) {
            return rejection("Parameter 'modelId' must not be null");
        }
        if (modelId.isEmpty()) {
            return rejection("modelId cannot be empty.");
        }
        return null;
    }

    private static SdkClientException rejection(String reason) {
        return SdkClientException.builder().message(PREFIX + reason).writableStackTrace(false).build();
    }
}
