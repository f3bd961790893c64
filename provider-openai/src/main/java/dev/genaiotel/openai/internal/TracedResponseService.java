package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
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
 * An instrumented {@code ResponseService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedResponseService implements ResponseService {

    private final ResponseService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ResponseService.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedResponseService(ResponseService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ResponseService of(ResponseService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ResponseService.class, delegate, new TracedResponseService(delegate, telemetry));
    }

    @Override
    public ResponseService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedResponseServiceRaw::of);
    }

    @Override
    public ResponseService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedResponseService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public InputItemService inputItems() {
        return delegate.inputItems();
    }

    @Override
    public InputTokenService inputTokens() {
        return delegate.inputTokens();
    }

    @Override
    public Response create(ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.blocking(telemetry.responses(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public StreamResponse<ResponseStreamEvent> createStreaming(
            ResponseCreateParams params, RequestOptions requestOptions) {
        return Calls.stream(telemetry.responsesStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public Response retrieve(ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.blocking(telemetry.fetchResponse(params), params,
                sent -> delegate.retrieve(sent, requestOptions));
    }

    @Override
    public StreamResponse<ResponseStreamEvent> retrieveStreaming(
            ResponseRetrieveParams params, RequestOptions requestOptions) {
        return Calls.stream(telemetry.fetchResponseStream(params), params,
                sent -> delegate.retrieveStreaming(sent, requestOptions));
    }

    @Override
    public void delete(ResponseDeleteParams params, RequestOptions requestOptions) {
        delegate.delete(params, requestOptions);
    }

    @Override
    public Response cancel(ResponseCancelParams params, RequestOptions requestOptions) {
        return delegate.cancel(params, requestOptions);
    }

    @Override
    public CompactedResponse compact(ResponseCompactParams params, RequestOptions requestOptions) {
        return delegate.compact(params, requestOptions);
    }
}
