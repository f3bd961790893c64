package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionDeleteParams;
import com.openai.models.chat.completions.ChatCompletionDeleted;
import com.openai.models.chat.completions.ChatCompletionListPage;
import com.openai.models.chat.completions.ChatCompletionListParams;
import com.openai.models.chat.completions.ChatCompletionRetrieveParams;
import com.openai.models.chat.completions.ChatCompletionUpdateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import com.openai.services.blocking.chat.completions.MessageService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatCompletionService}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatCompletionService implements ChatCompletionService {

    private final ChatCompletionService delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatCompletionService.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedChatCompletionService(ChatCompletionService delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatCompletionService of(ChatCompletionService delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatCompletionService.class,
                delegate, new TracedChatCompletionService(delegate, telemetry));
    }

    @Override
    public ChatCompletionService.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedChatCompletionServiceRaw::of);
    }

    @Override
    public ChatCompletionService withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatCompletionService.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageService messages() {
        return delegate.messages();
    }

    @Override
    public ChatCompletion create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.blocking(telemetry.chat(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public StreamResponse<ChatCompletionChunk> createStreaming(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        var call = telemetry.chatStream(params);
        return Calls.stream(call.observer(), call.params(),
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public ChatCompletion retrieve(ChatCompletionRetrieveParams params, RequestOptions requestOptions) {
        return delegate.retrieve(params, requestOptions);
    }

    @Override
    public ChatCompletion update(ChatCompletionUpdateParams params, RequestOptions requestOptions) {
        return delegate.update(params, requestOptions);
    }

    @Override
    public ChatCompletionListPage list(ChatCompletionListParams params, RequestOptions requestOptions) {
        return delegate.list(params, requestOptions);
    }

    @Override
    public ChatCompletionDeleted delete(ChatCompletionDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }
}
