package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
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
 * An instrumented {@code ChatCompletionServiceAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatCompletionServiceAsyncRaw implements ChatCompletionServiceAsync.WithRawResponse {

    private final ChatCompletionServiceAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedChatCompletionServiceAsyncRaw(
            ChatCompletionServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatCompletionServiceAsync.WithRawResponse of(
            ChatCompletionServiceAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatCompletionServiceAsync.WithRawResponse.class,
                delegate, new TracedChatCompletionServiceAsyncRaw(delegate, telemetry));
    }

    @Override
    public ChatCompletionServiceAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatCompletionServiceAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageServiceAsync.WithRawResponse messages() {
        return delegate.messages();
    }

    @Override
    public CompletableFuture<HttpResponseFor<ChatCompletion>> create(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.rawFuture(telemetry.chat(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<ChatCompletionChunk>>> createStreaming(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        var call = telemetry.chatStream(params);
        return Calls.rawStreamFuture(call.observer(), call.params(),
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public CompletableFuture<HttpResponseFor<ChatCompletion>> retrieve(
            ChatCompletionRetrieveParams params, RequestOptions requestOptions) {
        return delegate.retrieve(params, requestOptions);
    }

    @Override
    public CompletableFuture<HttpResponseFor<ChatCompletion>> update(
            ChatCompletionUpdateParams params, RequestOptions requestOptions) {
        return delegate.update(params, requestOptions);
    }

    @Override
    public CompletableFuture<HttpResponseFor<ChatCompletionListPageAsync>> list(
            ChatCompletionListParams params, RequestOptions requestOptions) {
        return delegate.list(params, requestOptions);
    }

    @Override
    public CompletableFuture<HttpResponseFor<ChatCompletionDeleted>> delete(
            ChatCompletionDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }
}
