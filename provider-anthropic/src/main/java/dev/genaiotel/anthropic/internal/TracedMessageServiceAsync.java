package dev.genaiotel.anthropic.internal;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.AsyncStreamResponse;
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
 * An instrumented {@code MessageServiceAsync}: {@code create} is traced until its future completes,
 * {@code createStreaming} until the stream ends; token counting and batches pass through.
 */
final class TracedMessageServiceAsync implements MessageServiceAsync {

    private final MessageServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<MessageServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedMessageServiceAsync(MessageServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static MessageServiceAsync of(MessageServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(MessageServiceAsync.class,
                delegate, new TracedMessageServiceAsync(delegate, telemetry));
    }

    @Override
    public MessageServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedMessageServiceAsyncRaw::of);
    }

    @Override
    public MessageServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedMessageServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public BatchServiceAsync batches() {
        return delegate.batches();
    }

    @Override
    public CompletableFuture<Message> create(MessageCreateParams params, RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.create(params, requestOptions);
        }
        return Calls.future(telemetry.message(params), () -> delegate.create(params, requestOptions));
    }

    @Override
    public AsyncStreamResponse<RawMessageStreamEvent> createStreaming(MessageCreateParams params,
            RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.createStreaming(params, requestOptions);
        }
        return Calls.asyncStream(telemetry.messageStream(params),
                () -> delegate.createStreaming(params, requestOptions));
    }

    @Override
    public CompletableFuture<MessageTokensCount> countTokens(MessageCountTokensParams params,
            RequestOptions requestOptions) {
        return delegate.countTokens(params, requestOptions);
    }
}
