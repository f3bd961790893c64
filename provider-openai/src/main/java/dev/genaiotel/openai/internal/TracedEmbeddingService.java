package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.blocking.EmbeddingService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingService implements EmbeddingService {

    private final EmbeddingService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<EmbeddingService.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedEmbeddingService(EmbeddingService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static EmbeddingService of(EmbeddingService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(EmbeddingService.class, delegate, new TracedEmbeddingService(delegate, telemetry));
    }

    @Override
    public EmbeddingService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedEmbeddingServiceRaw::of);
    }

    @Override
    public EmbeddingService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedEmbeddingService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.blocking(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
