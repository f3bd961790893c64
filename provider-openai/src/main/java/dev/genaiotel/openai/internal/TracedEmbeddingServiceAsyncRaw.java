package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.async.EmbeddingServiceAsync;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingServiceAsyncRaw implements EmbeddingServiceAsync.WithRawResponse {

    private final EmbeddingServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    TracedEmbeddingServiceAsyncRaw(EmbeddingServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public EmbeddingServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return new TracedEmbeddingServiceAsyncRaw(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<HttpResponseFor<CreateEmbeddingResponse>> create(
            EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
