package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatServiceRaw implements ChatService.WithRawResponse {

    private final ChatService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    TracedChatServiceRaw(ChatService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public ChatService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return new TracedChatServiceRaw(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionService.WithRawResponse completions() {
        return new TracedChatCompletionServiceRaw(delegate.completions(), telemetry);
    }
}
