package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import dev.genaiotel.core.Invocation;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;

/**
 * The execution interceptor for sync and async Bedrock Runtime clients. Converse and InvokeModel get their full
 * span; a streaming call gets a span that ends with the stream (its events are read only by the {@code wrap}ped
 * async client), and one warning says so. Calls made by a wrapped client are left to the wrapper. A sync client
 * sends its request with the span current ({@link TransmissionScope}), so that HTTP client spans nest under it.
 * Every hook is fail-soft and returns what the SDK gave it when anything goes wrong.
 */
final class TracingInterceptor implements ExecutionInterceptor {

    /**
     * The AWS SDK refuses two attributes of one name in a class loader: named after this class, so that a relocated
     * copy (the Java agent extension's) and the application's own can be loaded side by side.
     */
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>(
            TracingInterceptor.class.getName() + ".call");

    private final Instrumentation instrumentation;
    private volatile ResolvedEndpoint lastEndpoint;

    TracingInterceptor(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!instrumentation.telemetry().isRecording() || WrappedCall.active()) {
            return;
        }
        try {
            Call call = start(context.request(), attributes);
            if (call != null) {
                attributes.putAttribute(CALL, call);
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("interceptor start", e);
        }
    }

    private Call start(SdkRequest request, ExecutionAttributes attributes) {
        if (request instanceof ConverseRequest converse) {
            return new ConverseCall(instrumentation.telemetry()
                    .startInference(ConverseMapping.request(converse, endpoint(attributes))));
        }
        if (request instanceof ConverseStreamRequest converseStream) {
            instrumentation.warnUnwrappedStream("ConverseStream");
            return new StreamCall(instrumentation.telemetry()
                    .startInference(ConverseMapping.request(converseStream, endpoint(attributes))));
        }
        if (request instanceof InvokeModelRequest || request instanceof InvokeModelWithResponseStreamRequest) {
            return InvokeModelCalls.startIntercepted(instrumentation, request, endpoint(attributes));
        }
        return null;
    }

    /**
     * The client's endpoint, worked out once per client configuration: an interceptor normally serves one client,
     * whose URI and region are the same objects on every call.
     */
    @SuppressWarnings("deprecation") // the only public view of the endpoint a client was given
    private Endpoint endpoint(ExecutionAttributes attributes) {
        Boolean overridden = attributes.getAttribute(SdkExecutionAttribute.ENDPOINT_OVERRIDDEN);
        URI override = Boolean.TRUE.equals(overridden)
                ? attributes.getAttribute(SdkExecutionAttribute.CLIENT_ENDPOINT) : null;
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        ResolvedEndpoint last = lastEndpoint;
        if (last != null && Objects.equals(last.override(), override) && Objects.equals(last.region(), region)) {
            return last.endpoint();
        }
        Endpoint endpoint = Endpoint.of(Endpoint.RUNTIME, override, region);
        lastEndpoint = new ResolvedEndpoint(override, region, endpoint);
        return endpoint;
    }

    private record ResolvedEndpoint(URI override, Region region, Endpoint endpoint) {}

    /**
     * The last hook before the SDK marshals the request. When the SDK is going to reject it, no later hook comes, so
     * the span ends here, failed as the call will.
     */
    @Override
    public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        try {
            SdkClientException rejection = MarshallingRejection.of(context.request());
            if (rejection != null) {
                attributes.putAttribute(CALL, null);
                call.failed(rejection);
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("interceptor marshalling check", e);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        try {
            call.transmitted();
            call.succeeded(context.response(), context.httpResponse());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("interceptor end", e);
            call.failedSoftly();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        try {
            call.transmitted();
            call.failed(context.exception());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("interceptor failure", e);
        }
    }

    /**
     * Makes the span current while a sync client sends the request. An async client hands the request to its HTTP
     * client on the calling thread too, but no hook follows on that thread to close a scope before the call returns
     * to the application: there the wrapper ({@code wrap}) makes its span current around the whole call instead.
     */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null || attributes.getAttribute(SdkExecutionAttribute.CLIENT_TYPE) != ClientType.SYNC) {
            return;
        }
        try {
            call.transmitting();
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("interceptor transmission", e);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.transmitted();
        }
    }

    /** One intercepted call. */
    abstract static class Call {

        private final Invocation invocation;
        private TransmissionScope transmission;

        Call(Invocation invocation) {
            this.invocation = invocation;
        }

        /** An attempt is sent: its span becomes current on this thread (a failed attempt's scope closes first). */
        final void transmitting() {
            transmitted();
            if (transmission == null) {
                transmission = TransmissionScope.open(invocation.context());
            }
        }

        /** The attempt's response arrived, or the call ends: the span stops being current. */
        final void transmitted() {
            TransmissionScope open = transmission;
            if (open != null && open.close()) {
                transmission = null;
            }
        }

        /** The call returned {@code response}. */
        abstract void succeeded(SdkResponse response, SdkHttpResponse httpResponse);

        /** The call failed. */
        abstract void failed(Throwable error);

        /** The mapping of a successful call failed: end the span anyway. */
        abstract void failedSoftly();
    }

    private static final class ConverseCall extends Call {
        private final Inference inference;

        ConverseCall(Inference inference) {
            super(inference);
            this.inference = inference;
        }

        @Override
        void succeeded(SdkResponse response, SdkHttpResponse httpResponse) {
            if (response instanceof ConverseResponse converse) {
                inference.end(ConverseMapping.response(converse));
            } else {
                inference.end();
            }
        }

        @Override
        void failed(Throwable error) {
            Errors.fail(inference, error);
        }

        @Override
        void failedSoftly() {
            inference.end();
        }
    }

    /**
     * A streaming call on a client that is not wrapped. The SDK calls {@code afterExecution} once the stream has
     * been decoded and delivered to the end, or after the application cancelled it, and {@code onExecutionFailure}
     * for a failure, an error event inside the stream included: those end the span. No content, no time to first
     * chunk.
     */
    static final class StreamCall extends Call {
        private final Inference inference;

        StreamCall(Inference inference) {
            super(inference);
            this.inference = inference;
        }

        @Override
        void succeeded(SdkResponse response, SdkHttpResponse httpResponse) {
            inference.end();
        }

        @Override
        void failed(Throwable error) {
            Errors.fail(inference, error);
        }

        @Override
        void failedSoftly() {
            inference.end();
        }
    }
}
