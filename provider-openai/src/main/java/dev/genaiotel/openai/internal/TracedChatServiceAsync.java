package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.async.ChatServiceAsync;
import com.openai.services.async.chat.ChatCompletionServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatServiceAsync implements ChatServiceAsync {

    private final ChatServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<ChatCompletionServiceAsync> completionsView = new ServiceView<>();

    private TracedChatServiceAsync(ChatServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatServiceAsync of(ChatServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatServiceAsync.class, delegate, new TracedChatServiceAsync(delegate, telemetry));
    }

    @Override
    public ChatServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedChatServiceAsyncRaw::of);
    }

    @Override
    public ChatServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionServiceAsync completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedChatCompletionServiceAsync::of);
    }
}
