package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.services.async.CompletionServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code CompletionServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedCompletionServiceAsyncRaw implements CompletionServiceAsync.WithRawResponse {

    private final CompletionServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedCompletionServiceAsyncRaw(
            CompletionServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static CompletionServiceAsync.WithRawResponse of(
            CompletionServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(CompletionServiceAsync.WithRawResponse.class,
                delegate, new TracedCompletionServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public CompletionServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedCompletionServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<HttpResponseFor<Completion>> create(
            CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.completion(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<Completion>>> createStreaming(
            CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.rawStreamFuture(telemetry.completionStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }
}
