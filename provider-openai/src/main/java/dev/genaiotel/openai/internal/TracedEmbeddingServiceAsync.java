package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.services.async.EmbeddingServiceAsync;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code EmbeddingServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedEmbeddingServiceAsync implements EmbeddingServiceAsync {

    private final EmbeddingServiceAsync delegate;
    private final ClientTelemetry telemetry;

    TracedEmbeddingServiceAsync(EmbeddingServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public EmbeddingServiceAsync.WithRawResponse withRawResponse() {
        return new TracedEmbeddingServiceAsyncRaw(delegate.withRawResponse(), telemetry);
    }

    @Override
    public EmbeddingServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return new TracedEmbeddingServiceAsync(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<CreateEmbeddingResponse> create(
            EmbeddingCreateParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.embeddings(params), params,
                sent -> delegate.create(sent, requestOptions));
    }
}
