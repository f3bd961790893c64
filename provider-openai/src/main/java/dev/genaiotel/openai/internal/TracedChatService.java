package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatService implements ChatService {

    private final ChatService delegate;
    private final ClientTelemetry telemetry;

    TracedChatService(ChatService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public ChatService.WithRawResponse withRawResponse() {
        return new TracedChatServiceRaw(delegate.withRawResponse(), telemetry);
    }

    @Override
    public ChatService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return new TracedChatService(delegate.withOptions(capture), capture.result());
    }

    @Override
    public ChatCompletionService completions() {
        return new TracedChatCompletionService(delegate.completions(), telemetry);
    }
}
