package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.async.EmbeddingServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingServiceAsyncRaw implements EmbeddingServiceAsync.WithRawResponse {

    private final EmbeddingServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedEmbeddingServiceAsyncRaw(EmbeddingServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static EmbeddingServiceAsync.WithRawResponse of(
            EmbeddingServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(EmbeddingServiceAsync.WithRawResponse.class,
                delegate, new TracedEmbeddingServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public EmbeddingServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedEmbeddingServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> create(
            EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
