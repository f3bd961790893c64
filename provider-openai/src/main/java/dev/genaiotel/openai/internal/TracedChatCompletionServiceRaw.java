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
import com.openai.models.chat.completions.ChatCompletionListPage;
import com.openai.models.chat.completions.ChatCompletionListParams;
import com.openai.models.chat.completions.ChatCompletionRetrieveParams;
import com.openai.models.chat.completions.ChatCompletionUpdateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import com.openai.services.blocking.chat.completions.MessageService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code ChatCompletionService.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
final class TracedChatCompletionServiceRaw implements ChatCompletionService.WithRawResponse {

    private final ChatCompletionService.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    private TracedChatCompletionServiceRaw(ChatCompletionService.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static ChatCompletionService.WithRawResponse of(
            ChatCompletionService.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(ChatCompletionService.WithRawResponse.class,
                delegate, new TracedChatCompletionServiceRaw(delegate, telemetry));
    }

    @Override
    public ChatCompletionService.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedChatCompletionServiceRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageService.WithRawResponse messages() {
        return delegate.messages();
    }

    @Override
    public HttpResponseFor<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return Calls.raw(telemetry.chat(params), params,
                sent -> delegate.create(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<StreamResponse<ChatCompletionChunk>> createStreaming(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        var call = telemetry.chatStream(params);
        return Calls.rawStream(call.observer(), call.params(),
                sent -> delegate.createStreaming(sent, requestOptions));
    }

    @Override
    public HttpResponseFor<ChatCompletion> retrieve(
            ChatCompletionRetrieveParams params, RequestOptions requestOptions) {
        return delegate.retrieve(params, requestOptions);
    }

    @Override
    public HttpResponseFor<ChatCompletion> update(ChatCompletionUpdateParams params, RequestOptions requestOptions) {
        return delegate.update(params, requestOptions);
    }

    @Override
    public HttpResponseFor<ChatCompletionListPage> list(
            ChatCompletionListParams params, RequestOptions requestOptions) {
        return delegate.list(params, requestOptions);
    }

    @Override
    public HttpResponseFor<ChatCompletionDeleted> delete(
            ChatCompletionDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }
}
