package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.blocking.EmbeddingService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingServiceRaw implements EmbeddingService.WithRawResponse {

    private final EmbeddingService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedEmbeddingServiceRaw(EmbeddingService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static EmbeddingService.WithRawResponse of(EmbeddingService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(EmbeddingService.WithRawResponse.class,
                delegate, new TracedEmbeddingServiceRaw(delegate, telemetry));
    }

    @Override
    public EmbeddingService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedEmbeddingServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public HttpResponseFor<CreateEmbeddingResponse> create(
            EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.raw(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
