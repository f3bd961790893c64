package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeServiceClientConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeGuardrailChecksRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeGuardrailChecksResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ListAsyncInvokesResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeRequest;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.paginators.ListAsyncInvokesPublisher;

/**
 * An instrumented Bedrock Runtime async client: Converse, ConverseStream, InvokeModel and
 * InvokeModelWithResponseStream get their spans here, with the streams' events read on their way to the
 * application's handler; every other operation goes straight to the delegate. Results, exceptions, futures and
 * handlers are the delegate's own, untouched; the span is current only while the delegate is called, in the
 * caller's thread, and no scope outlives that call.
 */
@SuppressWarnings("try") // the scopes are only held open while the delegate is called
final class TracedBedrockRuntimeAsyncClient implements BedrockRuntimeAsyncClient {

    private final Instrumentation instrumentation;
    private final BedrockRuntimeAsyncClient delegate;
    private final Endpoint endpoint;

    TracedBedrockRuntimeAsyncClient(Instrumentation instrumentation, BedrockRuntimeAsyncClient delegate) {
        this.instrumentation = instrumentation;
        this.delegate = delegate;
        this.endpoint = endpointOf(delegate);
    }

    private static Endpoint endpointOf(BedrockRuntimeAsyncClient client) {
        try {
            BedrockRuntimeServiceClientConfiguration configuration = client.serviceClientConfiguration();
            return Endpoint.of(configuration.endpointOverride().orElse(null), configuration.region());
        } catch (RuntimeException e) {
            FailSoft.log("client endpoint", e);
            return Endpoint.UNKNOWN;
        }
    }

    @Override
    public CompletableFuture<ConverseResponse> converse(ConverseRequest request) {
        if (!instrumentation.telemetry().isRecording()) {
            return delegate.converse(request);
        }
        Inference inference;
        boolean capture;
        try {
            capture = instrumentation.captureContent();
            inference = instrumentation.telemetry().startInference(ConverseMapping.request(request, endpoint,
                    capture));
        } catch (RuntimeException e) {
            FailSoft.log("converse start", e);
            return delegate.converse(request);
        }
        CompletableFuture<ConverseResponse> future;
        try (Scope span = inference.makeCurrent(); Scope marker = WrappedCall.enter()) {
            future = delegate.converse(request);
        } catch (RuntimeException | Error e) {
            fail(inference, e);
            throw e;
        }
        future.whenComplete((response, error) -> {
            if (error != null) {
                fail(inference, error);
                return;
            }
            try {
                inference.end(ConverseMapping.response(response, capture));
            } catch (RuntimeException e) {
                FailSoft.log("converse end", e);
                inference.end();
            }
        });
        return future;
    }

    @Override
    public CompletableFuture<Void> converseStream(ConverseStreamRequest request,
            ConverseStreamResponseHandler handler) {
        if (handler == null || !instrumentation.telemetry().isRecording()) {
            return delegate.converseStream(request, handler);
        }
        ConverseStreamTelemetry telemetry;
        ConverseStreamResponseHandler traced;
        try {
            Inference inference = instrumentation.telemetry().startInference(
                    ConverseMapping.request(request, endpoint, instrumentation.captureContent()));
            telemetry = new ConverseStreamTelemetry(inference);
            traced = new TracedConverseStreamHandler(handler, telemetry);
        } catch (RuntimeException e) {
            FailSoft.log("converse stream start", e);
            return delegate.converseStream(request, handler);
        }
        CompletableFuture<Void> future;
        try (Scope span = telemetry.inference.makeCurrent(); Scope marker = WrappedCall.enter()) {
            future = delegate.converseStream(request, traced);
        } catch (RuntimeException | Error e) {
            telemetry.failed(e);
            throw e;
        }
        telemetry.observe(future);
        return future;
    }

    @Override
    public CompletableFuture<InvokeModelResponse> invokeModel(InvokeModelRequest request) {
        if (!instrumentation.telemetry().isRecording()) {
            return delegate.invokeModel(request);
        }
        InvokeModelCall call;
        try {
            call = InvokeModelCall.start(instrumentation, request.modelId(), request.body(),
                    request.guardrailIdentifier(), false, endpoint);
        } catch (RuntimeException e) {
            FailSoft.log("invoke model start", e);
            return delegate.invokeModel(request);
        }
        CompletableFuture<InvokeModelResponse> future;
        try (Scope span = call.makeCurrent(); Scope marker = WrappedCall.enter()) {
            future = delegate.invokeModel(request);
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
        future.whenComplete((response, error) -> {
            try {
                if (error != null) {
                    call.failed(error);
                } else {
                    call.succeeded(response.body(), response.sdkHttpResponse());
                }
            } catch (RuntimeException e) {
                FailSoft.log("invoke model end", e);
                call.endWithoutResponse();
            }
        });
        return future;
    }

    @Override
    public CompletableFuture<Void> invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest request,
            InvokeModelWithResponseStreamResponseHandler handler) {
        if (handler == null || !instrumentation.telemetry().isRecording()) {
            return delegate.invokeModelWithResponseStream(request, handler);
        }
        InvokeStreamTelemetry telemetry;
        InvokeModelWithResponseStreamResponseHandler traced;
        try {
            InvokeModelCall call = InvokeModelCall.start(instrumentation, request.modelId(), request.body(),
                    request.guardrailIdentifier(), true, endpoint);
            telemetry = new InvokeStreamTelemetry(call.inference, call.family);
            traced = new TracedInvokeStreamHandler(handler, telemetry);
        } catch (RuntimeException e) {
            FailSoft.log("invoke model stream start", e);
            return delegate.invokeModelWithResponseStream(request, handler);
        }
        CompletableFuture<Void> future;
        try (Scope span = telemetry.inference.makeCurrent(); Scope marker = WrappedCall.enter()) {
            future = delegate.invokeModelWithResponseStream(request, traced);
        } catch (RuntimeException | Error e) {
            telemetry.failed(e);
            throw e;
        }
        telemetry.observe(future);
        return future;
    }

    private static void fail(Inference inference, Throwable error) {
        try {
            Throwable cause = Errors.unwrap(error);
            inference.fail(cause, Errors.type(cause));
        } catch (RuntimeException e) {
            FailSoft.log("failure", e);
        }
    }

    @Override
    public CompletableFuture<ApplyGuardrailResponse> applyGuardrail(ApplyGuardrailRequest request) {
        return delegate.applyGuardrail(request);
    }

    @Override
    public CompletableFuture<CountTokensResponse> countTokens(CountTokensRequest request) {
        return delegate.countTokens(request);
    }

    @Override
    public CompletableFuture<GetAsyncInvokeResponse> getAsyncInvoke(GetAsyncInvokeRequest request) {
        return delegate.getAsyncInvoke(request);
    }

    @Override
    public CompletableFuture<InvokeGuardrailChecksResponse> invokeGuardrailChecks(
            InvokeGuardrailChecksRequest request) {
        return delegate.invokeGuardrailChecks(request);
    }

    @Override
    public CompletableFuture<Void> invokeModelWithBidirectionalStream(
            InvokeModelWithBidirectionalStreamRequest request,
            Publisher<InvokeModelWithBidirectionalStreamInput> requestStream,
            InvokeModelWithBidirectionalStreamResponseHandler handler) {
        return delegate.invokeModelWithBidirectionalStream(request, requestStream, handler);
    }

    @Override
    public CompletableFuture<ListAsyncInvokesResponse> listAsyncInvokes(ListAsyncInvokesRequest request) {
        return delegate.listAsyncInvokes(request);
    }

    @Override
    public ListAsyncInvokesPublisher listAsyncInvokesPaginator(ListAsyncInvokesRequest request) {
        return delegate.listAsyncInvokesPaginator(request);
    }

    @Override
    public CompletableFuture<StartAsyncInvokeResponse> startAsyncInvoke(StartAsyncInvokeRequest request) {
        return delegate.startAsyncInvoke(request);
    }

    @Override
    public BedrockRuntimeServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
