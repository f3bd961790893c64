package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;

/** The interceptor's side of InvokeModel and InvokeModelWithResponseStream. */
final class InvokeModelCalls {

    private InvokeModelCalls() {}

    /** The intercepted call for {@code request}, or null when it is not an InvokeModel operation. */
    static TracingInterceptor.Call startIntercepted(Instrumentation instrumentation, SdkRequest request,
            Endpoint endpoint) {
        if (request instanceof InvokeModelRequest invoke) {
            return new Intercepted(InvokeModelCall.start(instrumentation, invoke.modelId(), invoke.body(),
                    invoke.guardrailIdentifier(), false, endpoint));
        }
        if (request instanceof InvokeModelWithResponseStreamRequest stream) {
            instrumentation.warnUnwrappedStream("InvokeModelWithResponseStream");
            InvokeModelCall call = InvokeModelCall.start(instrumentation, stream.modelId(), stream.body(),
                    stream.guardrailIdentifier(), true, endpoint);
            Inference inference = call.inference;
            return inference == null ? null : new TracingInterceptor.StreamCall(inference);
        }
        return null;
    }

    private static final class Intercepted extends TracingInterceptor.Call {
        private final InvokeModelCall call;

        Intercepted(InvokeModelCall call) {
            super(call.inference != null ? call.inference : call.embeddings);
            this.call = call;
        }

        @Override
        void succeeded(SdkResponse response, SdkHttpResponse httpResponse) {
            call.succeeded(response instanceof InvokeModelResponse invoke ? invoke.body() : null, httpResponse);
        }

        @Override
        void failed(Throwable error) {
            call.failed(error);
        }

        @Override
        void failedSoftly() {
            call.endWithoutResponse();
        }
    }
}
