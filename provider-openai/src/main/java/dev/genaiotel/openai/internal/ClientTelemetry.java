package dev.genaiotel.openai.internal;

import com.openai.core.ClientOptions;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseRetrieveParams;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The telemetry of one wrapped client: the core, the endpoint its base URL names, and the options of
 * {@code OpenAITelemetry}. Immutable; {@code withOptions} on a wrapped client derives a new one.
 */
public final class ClientTelemetry {

    private final GenAiTelemetry telemetry;
    private final Endpoint endpoint;
    private final String fallbackProvider;
    private final Boolean includeStreamUsage;

    private ClientTelemetry(GenAiTelemetry telemetry, Endpoint endpoint, String fallbackProvider,
            Boolean includeStreamUsage) {
        this.telemetry = telemetry;
        this.endpoint = endpoint;
        this.fallbackProvider = fallbackProvider;
        this.includeStreamUsage = includeStreamUsage;
    }

    /**
     * The telemetry of a client.
     *
     * @param baseUrl the client's base URL, or null when it could not be read
     * @param fallbackProvider the provider name for base URLs this does not recognise, or null for {@code openai}
     * @param includeStreamUsage whether chat streams ask for usage; null for "only on OpenAI's own API"
     */
    public static ClientTelemetry create(GenAiTelemetry telemetry, String baseUrl, String fallbackProvider,
            Boolean includeStreamUsage) {
        return new ClientTelemetry(telemetry, Endpoint.of(baseUrl, fallbackProvider), fallbackProvider,
                includeStreamUsage);
    }

    /** The endpoint, for tests and diagnostics. */
    public Endpoint endpoint() {
        return endpoint;
    }

    ClientTelemetry at(String baseUrl) {
        return new ClientTelemetry(telemetry, Endpoint.of(baseUrl, fallbackProvider), fallbackProvider,
                includeStreamUsage);
    }

    /** A {@code withOptions} modifier that also learns the resulting base URL. */
    OptionsCapture capture(Consumer<ClientOptions.Builder> modifier) {
        return new OptionsCapture(modifier, this);
    }

    TracedCall<ChatCompletion> chat(ChatCompletionCreateParams params) {
        if (!telemetry.isRecording()) {
            return new InferenceCall<>(telemetry.startInference(null), null);
        }
        Inference inference = telemetry.startInference(ChatMapping.request(params, endpoint, false));
        return new InferenceCall<>(inference, completion -> ChatMapping.response(completion, params));
    }

    /** A chat stream, and the params to send: the caller's, or a copy asking for usage. */
    Streaming<ChatCompletionCreateParams, ChatStream> chatStream(ChatCompletionCreateParams params) {
        if (!telemetry.isRecording()) {
            return new Streaming<>(params, new ChatStream(telemetry.startInference(null), false, null));
        }
        ChatCompletionCreateParams sent = withStreamUsage(params);
        Inference inference = telemetry.startInference(ChatMapping.request(params, endpoint, true));
        return new Streaming<>(sent, new ChatStream(inference, sent != params, params));
    }

    private ChatCompletionCreateParams withStreamUsage(ChatCompletionCreateParams params) {
        boolean wanted = includeStreamUsage != null ? includeStreamUsage : endpoint.openAiApi();
        if (!wanted) {
            return params;
        }
        try {
            Optional<ChatCompletionStreamOptions> options = params.streamOptions();
            if (options.isPresent() && options.get().includeUsage().isPresent()) {
                return params;
            }
            ChatCompletionStreamOptions withUsage = options
                    .map(existing -> existing.toBuilder().includeUsage(true).build())
                    .orElseGet(() -> ChatCompletionStreamOptions.builder().includeUsage(true).build());
            return params.toBuilder().streamOptions(withUsage).build();
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("stream_options.include_usage", e);
            return params;
        }
    }

    TracedCall<Response> responses(ResponseCreateParams params) {
        if (!telemetry.isRecording()) {
            return new InferenceCall<>(telemetry.startInference(null), null);
        }
        Inference inference = telemetry.startInference(ResponsesMapping.request(params, endpoint, false));
        return new InferenceCall<>(inference, response -> ResponsesMapping.response(response, false));
    }

    ResponsesStream responsesStream(ResponseCreateParams params) {
        if (!telemetry.isRecording()) {
            return new ResponsesStream(telemetry.startInference(null));
        }
        return new ResponsesStream(telemetry.startInference(ResponsesMapping.request(params, endpoint, true)));
    }

    TracedCall<Response> fetchResponse(ResponseRetrieveParams params) {
        if (!telemetry.isRecording()) {
            return new InferenceCall<>(telemetry.startInference(null), null);
        }
        String id = null;
        try {
            id = params.responseId().orElse(null);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("fetch_response request mapping", e);
        }
        Inference inference = telemetry.startInference(ResponsesMapping.fetchRequest(id, null, endpoint));
        return new InferenceCall<>(inference, response -> ResponsesMapping.response(response, true));
    }

    /**
     * A streamed {@code GET /responses/{id}?stream=true}: the {@code fetch_response} operation, with the cursor it
     * resumes after ({@code starting_after}). It is not an inference, so its events are not timed as chunks.
     */
    ResponsesStream fetchResponseStream(ResponseRetrieveParams params) {
        if (!telemetry.isRecording()) {
            return new ResponsesStream(telemetry.startInference(null));
        }
        String id = null;
        String cursor = null;
        try {
            id = params.responseId().orElse(null);
            cursor = params.startingAfter().map(String::valueOf).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("fetch_response request mapping", e);
        }
        Inference inference = telemetry.startInference(ResponsesMapping.fetchRequest(id, cursor, endpoint));
        return new ResponsesStream(inference, true);
    }

    TracedCall<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params) {
        if (!telemetry.isRecording()) {
            return new EmbeddingsCall(telemetry.startEmbeddings(null));
        }
        return new EmbeddingsCall(telemetry.startEmbeddings(EmbeddingsMapping.request(params, endpoint)));
    }

    TracedCall<Completion> completion(CompletionCreateParams params) {
        if (!telemetry.isRecording()) {
            return new InferenceCall<>(telemetry.startInference(null), null);
        }
        Inference inference = telemetry.startInference(CompletionsMapping.request(params, endpoint, false));
        return new InferenceCall<>(inference, CompletionsMapping::response);
    }

    CompletionsStream completionStream(CompletionCreateParams params) {
        if (!telemetry.isRecording()) {
            return new CompletionsStream(telemetry.startInference(null));
        }
        return new CompletionsStream(telemetry.startInference(CompletionsMapping.request(params, endpoint, true)));
    }

    /** A streamed call's params as sent, and its observer. */
    record Streaming<P, O>(P params, O observer) {}

    /** Runs the caller's modifier, then reads the base URL the options now name. */
    static final class OptionsCapture implements Consumer<ClientOptions.Builder> {
        private final Consumer<ClientOptions.Builder> modifier;
        private final ClientTelemetry base;
        private volatile String baseUrl;

        OptionsCapture(Consumer<ClientOptions.Builder> modifier, ClientTelemetry base) {
            this.modifier = modifier;
            this.base = base;
        }

        @Override
        public void accept(ClientOptions.Builder builder) {
            modifier.accept(builder);
            try {
                baseUrl = builder.build().baseUrl();
            } catch (RuntimeException | LinkageError e) {
                baseUrl = null;
            }
        }

        /** The telemetry of the client the options describe. */
        ClientTelemetry result() {
            String url = baseUrl;
            return url == null ? base : base.at(url);
        }
    }
}
