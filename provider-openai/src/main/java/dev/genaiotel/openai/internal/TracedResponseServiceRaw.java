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
import com.openai.services.blocking.ResponseService;
import com.openai.services.blocking.responses.InputItemService;
import com.openai.services.blocking.responses.InputTokenService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ResponseService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedResponseServiceRaw implements ResponseService.WithRawResponse {

    private final ResponseService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedResponseServiceRaw(ResponseService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ResponseService.WithRawResponse of(ResponseService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ResponseService.WithRawResponse.class,
                delegate, new TracedResponseServiceRaw(delegate, telemetry));
    }

    @Override
    public ResponseService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedResponseServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public InputItemService.WithRawResponse inputItems() {
        return delegate.inputItems();
    }

    @Override
    public InputTokenService.WithRawResponse inputTokens() {
        return delegate.inputTokens();
    }

    @Override
    public HttpResponseFor<Response> create(ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.raw(telemetry.responses(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<StreamResponse<ResponseStreamEvent>> createStreaming(
            ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.rawStream(telemetry.responsesStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<Response> retrieve(ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.raw(telemetry.fetchResponse(params), params,
                sent -> delegate.retrieve(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<StreamResponse<ResponseStreamEvent>> retrieveStreaming(
            ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.rawStream(telemetry.fetchResponseStream(params), params,
                sent -> delegate.retrieveStreaming(sent, requestOptions));
    }

    @Override
    public HttpResponse delete(ResponseDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }

    @Override
    public HttpResponseFor<Response> cancel(ResponseCancelParams params, RequestOptions requestOptions) {
        return delegate.cancel(params, requestOptions);
    }

    @Override
    public HttpResponseFor<CompactedResponse> compact(ResponseCompactParams params, RequestOptions requestOptions) {
        return delegate.compact(params, requestOptions);
    }
}
