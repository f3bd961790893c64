package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatService implements ChatService {

    private final ChatService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatService.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<ChatCompletionService> completionsView = new ServiceView<>();

    private TracedChatService(ChatService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatService of(ChatService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatService.class, delegate, new TracedChatService(delegate, telemetry));
    }

    @Override
    public ChatService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedChatServiceRaw::of);
    }

    @Override
    public ChatService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionService completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedChatCompletionService::of);
    }
}
