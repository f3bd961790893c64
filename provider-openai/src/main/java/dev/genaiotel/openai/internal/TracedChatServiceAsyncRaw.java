package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.async.ChatServiceAsync;
import com.openai.services.async.chat.ChatCompletionServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatServiceAsyncRaw implements ChatServiceAsync.WithRawResponse {

    private final ChatServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatCompletionServiceAsync.WithRawResponse> completionsView = new ServiceView<>();

    private TracedChatServiceAsyncRaw(ChatServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatServiceAsync.WithRawResponse of(ChatServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatServiceAsync.WithRawResponse.class,
                delegate, new TracedChatServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public ChatServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionServiceAsync.WithRawResponse completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedChatCompletionServiceAsyncRaw::of);
    }
}
