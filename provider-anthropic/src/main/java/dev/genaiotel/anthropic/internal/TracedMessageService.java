package dev.genaiotel.anthropic.internal;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
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
 * An instrumented {@code MessageService}: every call goes to the delegate; {@code create} and
 * {@code createStreaming} are traced, and every service derived from it is instrumented too. Token counting and
 * batches are not inference calls and pass through.
 */
final class TracedMessageService implements MessageService {

    private final MessageService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<MessageService.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedMessageService(MessageService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static MessageService of(MessageService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(MessageService.class, delegate, new TracedMessageService(delegate, telemetry));
    }

    @Override
    public MessageService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedMessageServiceRaw::of);
    }

    @Override
    public MessageService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedMessageService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public BatchService batches() {
        return delegate.batches();
    }

    @Override
    public Message create(MessageCreateParams params, RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.create(params, requestOptions);
        }
        return Calls.blocking(telemetry.message(params), () -> delegate.create(params, requestOptions));
    }

    @Override
    public StreamResponse<RawMessageStreamEvent> createStreaming(MessageCreateParams params,
            RequestOptions requestOptions) {
        if (!telemetry.isRecording()) {
            return delegate.createStreaming(params, requestOptions);
        }
        return Calls.stream(telemetry.messageStream(params), () -> delegate.createStreaming(params, requestOptions));
    }

    @Override
    public MessageTokensCount countTokens(MessageCountTokensParams params, RequestOptions requestOptions) {
        return delegate.countTokens(params, requestOptions);
    }
}
