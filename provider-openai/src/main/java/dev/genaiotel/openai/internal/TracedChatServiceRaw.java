package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatServiceRaw implements ChatService.WithRawResponse {

    private final ChatService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatCompletionService.WithRawResponse> completionsView = new ServiceView<>();

    private TracedChatServiceRaw(ChatService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatService.WithRawResponse of(ChatService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatService.WithRawResponse.class,
                delegate, new TracedChatServiceRaw(delegate, telemetry));
    }

    @Override
    public ChatService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionService.WithRawResponse completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedChatCompletionServiceRaw::of);
    }
}
