package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.InstrumentedView;
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
final class TracedBedrockRuntimeAsyncClient implements BedrockRuntimeAsyncClient {

    private final Instrumentation instrumentation;
    private final BedrockRuntimeAsyncClient delegate;
    private final Endpoint endpoint;

    TracedBedrockRuntimeAsyncClient(Instrumentation instrumentation, BedrockRuntimeAsyncClient delegate) {
        this.instrumentation = instrumentation;
        this.delegate = delegate;
        this.endpoint = Endpoint.of(Endpoint.RUNTIME, delegate);
    }

    /** The unwrapped client. */
    BedrockRuntimeAsyncClient delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<ConverseResponse> converse(ConverseRequest request) {
        if (!instrumentation.telemetry().isRecording()) {
            return delegate.converse(request);
        }
        return WrappedCall.run("converse", () -> ConverseCall.start(instrumentation, request, endpoint),
                call -> delegate.converse(request), () -> delegate.converse(request));
    }

    @Override
    public CompletableFuture<Void> converseStream(ConverseStreamRequest request,
            ConverseStreamResponseHandler handler) {
        if (handler == null || !instrumentation.telemetry().isRecording()) {
            return delegate.converseStream(request, handler);
        }
        return WrappedCall.run("converse stream",
                () -> new ConverseStreamTelemetry(instrumentation.telemetry().startInference(
                        ConverseMapping.request(request, endpoint))),
                telemetry -> delegate.converseStream(request, InstrumentedView.of(ConverseStreamResponseHandler.class,
                        handler, new TracedConverseStreamHandler(handler, telemetry))),
                () -> delegate.converseStream(request, handler));
    }

    @Override
    public CompletableFuture<InvokeModelResponse> invokeModel(InvokeModelRequest request) {
        if (!instrumentation.telemetry().isRecording()) {
            return delegate.invokeModel(request);
        }
        return WrappedCall.run("invoke model", () -> InvokeModelCall.start(instrumentation, request.modelId(),
                request.body(), request.guardrailIdentifier(), false, endpoint),
                call -> delegate.invokeModel(request), () -> delegate.invokeModel(request));
    }

    @Override
    public CompletableFuture<Void> invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest request,
            InvokeModelWithResponseStreamResponseHandler handler) {
        if (handler == null || !instrumentation.telemetry().isRecording()) {
            return delegate.invokeModelWithResponseStream(request, handler);
        }
        return WrappedCall.run("invoke model stream", () -> {
            InvokeModelCall call = InvokeModelCall.start(instrumentation, request.modelId(), request.body(),
                    request.guardrailIdentifier(), true, endpoint);
            return new InvokeStreamTelemetry(call.inference, call.family);
        }, telemetry -> delegate.invokeModelWithResponseStream(request,
                InstrumentedView.of(InvokeModelWithResponseStreamResponseHandler.class, handler,
                        new TracedInvokeStreamHandler(handler, telemetry))),
                () -> delegate.invokeModelWithResponseStream(request, handler));
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
