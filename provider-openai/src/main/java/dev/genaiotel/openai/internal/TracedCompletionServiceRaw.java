package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.services.blocking.CompletionService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code CompletionService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedCompletionServiceRaw implements CompletionService.WithRawResponse {

    private final CompletionService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedCompletionServiceRaw(CompletionService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static CompletionService.WithRawResponse of(CompletionService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(CompletionService.WithRawResponse.class,
                delegate, new TracedCompletionServiceRaw(delegate, telemetry));
    }

    @Override
    public CompletionService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedCompletionServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public HttpResponseFor<Completion> create(CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.raw(telemetry.completion(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<StreamResponse<Completion>> createStreaming(
            CompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.rawStream(telemetry.completionStream(params), params,
                sent -> delegate.createStreaming(sent, requestOptions));
    }
}
