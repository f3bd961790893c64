package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.services.blocking.CompletionService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code CompletionService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedCompletionService implements CompletionService {

    private final CompletionService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<CompletionService.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedCompletionService(CompletionService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static CompletionService of(CompletionService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(CompletionService.class, delegate, new TracedCompletionService(delegate, telemetry));
    }

    @Override
    public CompletionService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedCompletionServiceRaw::of);
    }

    @Override
    public CompletionService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedCompletionService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public Completion create(CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.blocking(telemetry.completion(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public StreamResponse<Completion> createStreaming(CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.stream(telemetry.completionStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }
}
