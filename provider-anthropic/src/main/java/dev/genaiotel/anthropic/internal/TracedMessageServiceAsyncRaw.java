package dev.genaiotel.anthropic.internal;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageTokensCount;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.services.async.MessageServiceAsync;
import com.anthropic.services.async.messages.BatchServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code MessageServiceAsync.WithRawResponse}: {@code create} and {@code createStreaming} are traced
 * until the caller parses, closes or drops the raw response; everything else goes to the delegate.
 */
final class TracedMessageServiceAsyncRaw implements MessageServiceAsync.WithRawResponse {

    private final MessageServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedMessageServiceAsyncRaw(MessageServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static MessageServiceAsync.WithRawResponse of(
            MessageServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(MessageServiceAsync.WithRawResponse.class,
                delegate, new TracedMessageServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public MessageServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedMessageServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public BatchServiceAsync.WithRawResponse batches() {
        return delegate.batches();
    }

    @Override
    public CompletableFuture<HttpResponseFor<Message>> create(MessageCreateParams params,
            RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.create(params, requestOptions);
        }
        return Calls.rawFuture(telemetry.message(params), () -> delegate.create(params, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<RawMessageStreamEvent>>> createStreaming(
            MessageCreateParams params, RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.createStreaming(params, requestOptions);
        }
        return Calls.rawStreamFuture(telemetry.messageStream(params),
                () -> delegate.createStreaming(params, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<MessageTokensCount>> countTokens(MessageCountTokensParams params,
            RequestOptions requestOptions) {
        return delegate.countTokens(params, requestOptions);
    }
}
