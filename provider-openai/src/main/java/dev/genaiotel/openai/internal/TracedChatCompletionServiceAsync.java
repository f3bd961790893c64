package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionDeleteParams;
import com.openai.models.chat.completions.ChatCompletionDeleted;
import com.openai.models.chat.completions.ChatCompletionListPageAsync;
import com.openai.models.chat.completions.ChatCompletionListParams;
import com.openai.models.chat.completions.ChatCompletionRetrieveParams;
import com.openai.models.chat.completions.ChatCompletionUpdateParams;
import com.openai.services.async.chat.ChatCompletionServiceAsync;
import com.openai.services.async.chat.completions.MessageServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatCompletionServiceAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatCompletionServiceAsync implements ChatCompletionServiceAsync {

    private final ChatCompletionServiceAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<ChatCompletionServiceAsync.WithRawResponse> withRawResponseView = new ServiceView<>();

    private TracedChatCompletionServiceAsync(ChatCompletionServiceAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatCompletionServiceAsync of(ChatCompletionServiceAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatCompletionServiceAsync.class,
                delegate, new TracedChatCompletionServiceAsync(delegate, telemetry));
    }

    @Override
    public ChatCompletionServiceAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedChatCompletionServiceAsyncRaw::of);
    }

    @Override
    public ChatCompletionServiceAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatCompletionServiceAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageServiceAsync messages() {
        return delegate.messages();
    }

    @Override
    public CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.future(telemetry.chat(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public AsyncStreamResponse<ChatCompletionChunk> createStreaming(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        var call = telemetry.chatStream(params);
        return Calls.asyncStream(call.observer(), call.params(),
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<ChatCompletion> retrieve(
            ChatCompletionRetrieveParams params, RequestOptions requestOptions) {
        return delegate.retrieve(params, requestOptions);
    }

    @Override
    public CompletableFuture<ChatCompletion> update(ChatCompletionUpdateParams params, RequestOptions requestOptions) {
        return delegate.update(params, requestOptions);
    }

    @Override
    public CompletableFuture<ChatCompletionListPageAsync> list(
            ChatCompletionListParams params, RequestOptions requestOptions) {
        return delegate.list(params, requestOptions);
    }

    @Override
    public CompletableFuture<ChatCompletionDeleted> delete(
            ChatCompletionDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }
}
