package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.CompactedResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCancelParams;
import com.openai.models.responses.ResponseCompactParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseDeleteParams;
import com.openai.models.responses.ResponseRetrieveParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.services.async.ResponseServiceAsync;
import com.openai.services.async.responses.InputItemServiceAsync;
import com.openai.services.async.responses.InputTokenServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code ResponseServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedResponseServiceAsyncRaw implements ResponseServiceAsync.WithRawResponse {

    private final ResponseServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedResponseServiceAsyncRaw(ResponseServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ResponseServiceAsync.WithRawResponse of(
            ResponseServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ResponseServiceAsync.WithRawResponse.class,
                delegate, new TracedResponseServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public ResponseServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedResponseServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public InputItemServiceAsync.WithRawResponse inputItems() {
        return delegate.inputItems();
    }

    @Override
    public InputTokenServiceAsync.WithRawResponse inputTokens() {
        return delegate.inputTokens();
    }

    @Override
    public CompletableFuture<HttpResponseFor<Response>> create(
            ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.responses(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<ResponseStreamEvent>>> createStreaming(
            ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.rawStreamFuture(telemetry.responsesStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<Response>> retrieve(
            ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.fetchResponse(params), params,
                sent -> delegate.retrieve(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<ResponseStreamEvent>>> retrieveStreaming(
            ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.rawStreamFuture(telemetry.fetchResponseStream(params), params,
                sent -> delegate.retrieveStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponse> delete(ResponseDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }

    @Override
    public CompletableFuture<HttpResponseFor<Response>> cancel(
            ResponseCancelParams params, RequestOptions requestOptions) {
        return delegate.cancel(params, requestOptions);
    }

    @Override
    public CompletableFuture<HttpResponseFor<CompactedResponse>> compact(
            ResponseCompactParams params, RequestOptions requestOptions) {
        return delegate.compact(params, requestOptions);
    }
}
