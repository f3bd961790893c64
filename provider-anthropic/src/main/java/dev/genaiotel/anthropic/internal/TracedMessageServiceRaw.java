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
import com.anthropic.services.blocking.MessageService;
import com.anthropic.services.blocking.messages.BatchService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code MessageService.WithRawResponse}: {@code create} and {@code createStreaming} are traced until
 * the caller parses, closes or drops the raw response; everything else goes to the delegate.
 */
final class TracedMessageServiceRaw implements MessageService.WithRawResponse {

    private final MessageService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedMessageServiceRaw(MessageService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static MessageService.WithRawResponse of(MessageService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(MessageService.WithRawResponse.class,
                delegate, new TracedMessageServiceRaw(delegate, telemetry));
    }

    @Override
    public MessageService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedMessageServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public BatchService.WithRawResponse batches() {
        return delegate.batches();
    }

    @Override
    public HttpResponseFor<Message> create(MessageCreateParams params, RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.create(params, requestOptions);
        }
        return Calls.raw(telemetry.message(params), () -> delegate.create(params, requestOptions));
    }

    @Override
    public HttpResponseFor<StreamResponse<RawMessageStreamEvent>> createStreaming(MessageCreateParams params,
            RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.createStreaming(params, requestOptions);
        }
        return Calls.rawStream(telemetry.messageStream(params),
                () -> delegate.createStreaming(params, requestOptions));
    }

    @Override
    public HttpResponseFor<MessageTokensCount> countTokens(MessageCountTokensParams params,
            RequestOptions requestOptions) {
        return delegate.countTokens(params, requestOptions);
    }
}
