package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.services.async.CompletionServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code CompletionServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedCompletionServiceAsync implements CompletionServiceAsync {

    private final CompletionServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<CompletionServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedCompletionServiceAsync(CompletionServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static CompletionServiceAsync of(CompletionServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(CompletionServiceAsync.class,
                delegate, new TracedCompletionServiceAsync(delegate, telemetry));
    }

    @Override
    public CompletionServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedCompletionServiceAsyncRaw::of);
    }

    @Override
    public CompletionServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedCompletionServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public CompletableFuture<Completion> create(CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.completion(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public AsyncStreamResponse<Completion> createStreaming(
            CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.asyncStream(telemetry.completionStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }
}
