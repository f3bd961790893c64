package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.async.EmbeddingServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingServiceAsync implements EmbeddingServiceAsync {

    private final EmbeddingServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<EmbeddingServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedEmbeddingServiceAsync(EmbeddingServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static EmbeddingServiceAsync of(EmbeddingServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(EmbeddingServiceAsync.class,
                delegate, new TracedEmbeddingServiceAsync(delegate, telemetry));
    }

    @Override
    public EmbeddingServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedEmbeddingServiceAsyncRaw::of);
    }

    @Override
    public EmbeddingServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedEmbeddingServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<CreateEmbeddingResponse> create(
            EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
