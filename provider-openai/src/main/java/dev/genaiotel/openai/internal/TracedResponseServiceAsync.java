package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.AsyncStreamResponse;
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
 * An instrumented {@code ResponseServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedResponseServiceAsync implements ResponseServiceAsync {

    private final ResponseServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ResponseServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedResponseServiceAsync(ResponseServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ResponseServiceAsync of(ResponseServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ResponseServiceAsync.class,
                delegate, new TracedResponseServiceAsync(delegate, telemetry));
    }

    @Override
    public ResponseServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedResponseServiceAsyncRaw::of);
    }

    @Override
    public ResponseServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedResponseServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public InputItemServiceAsync inputItems() {
        return delegate.inputItems();
    }

    @Override
    public InputTokenServiceAsync inputTokens() {
        return delegate.inputTokens();
    }

    @Override
    public CompletableFuture<Response> create(ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.responses(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public AsyncStreamResponse<ResponseStreamEvent> createStreaming(
            ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.asyncStream(telemetry.responsesStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<Response> retrieve(ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.fetchResponse(params), params,
                sent -> delegate.retrieve(sent, requestOptions));
    }

    @Override
    public AsyncStreamResponse<ResponseStreamEvent> retrieveStreaming(
            ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.asyncStream(telemetry.fetchResponseStream(params), params,
                sent -> delegate.retrieveStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<Void> delete(ResponseDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }

    @Override
    public CompletableFuture<Response> cancel(ResponseCancelParams params, RequestOptions requestOptions) {
        return delegate.cancel(params, requestOptions);
    }

    @Override
    public CompletableFuture<CompactedResponse> compact(ResponseCompactParams params, RequestOptions requestOptions) {
        return delegate.compact(params, requestOptions);
    }
}
