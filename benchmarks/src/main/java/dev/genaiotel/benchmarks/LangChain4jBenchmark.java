package dev.genaiotel.benchmarks;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The LangChain4j listener's own cost (issue 9): LangChain4j's {@link OpenAiChatModel} runs its whole pipeline
 * (request mapping, listener dispatch, JSON serialisation and parsing) against an in-memory LangChain4j
 * {@link HttpClient} (the langchain4j-http-client SPI, plugged in with {@code httpClientBuilder}) that answers with a
 * recorded-shape chat completion, so no socket is involved.
 *
 * <p>{@code listenerChat - rawChat} is what {@code chatModelListener()} adds per call; {@code wrappedChat - rawChat}
 * what {@code wrap(ChatModel)} adds; {@code noopListenerChat - rawChat} is LangChain4j's own cost of calling a
 * listener that does nothing (request and response contexts, dispatch), which any listener pays. {@link #corePath} is the core's own inference path on the same SDK (the body of
 * {@code InferenceBenchmark.core}: describe the request, start, describe the response, end), the yardstick of the
 * target: the listener's added cost at most 1.3x {@code corePath}. Content capture is off everywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LangChain4jBenchmark {

    private static final String CHAT = "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
            + "\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"The sky is blue because of Rayleigh scattering.\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":26,\"completion_tokens\":12,\"total_tokens\":38,\"prompt_tokens_details\":"
            + "{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
            + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\"}";

    private static final List<String> FINISH_REASONS = List.of("stop");

    private OpenTelemetrySdk sdk;
    private GenAiTelemetry telemetry;
    private ChatModel raw;
    private ChatModel noopListened;
    private ChatModel listened;
    private ChatModel wrapped;
    private ChatRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        sdk = BenchmarkSdk.discarding();
        telemetry = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(ContentCapture.NO_CONTENT).build();
        LangChain4jTelemetry langChain4j = LangChain4jTelemetry.builder(telemetry).build();
        raw = model().build();
        noopListened = model().listeners(List.of(new ChatModelListener() { })).build();
        listened = model().listeners(List.of(langChain4j.chatModelListener())).build();
        wrapped = langChain4j.wrap(model().build());
        request = ChatRequest.builder()
                .messages(SystemMessage.from("You are a helpful assistant."), UserMessage.from("Why is the sky blue?"))
                .build();
        long spans = BenchmarkSdk.SPANS.get();
        String answer = rawChat().aiMessage().text();
        if (BenchmarkSdk.SPANS.get() != spans) {
            throw new IllegalStateException("the raw model recorded a span");
        }
        if (!answer.equals(listenerChat().aiMessage().text()) || !answer.equals(wrappedChat().aiMessage().text())) {
            throw new IllegalStateException("the instrumented models answer differently from the raw one");
        }
        if (BenchmarkSdk.SPANS.get() != spans + 2) {
            throw new IllegalStateException("expected one span from the listener and one from the wrapper, got "
                    + (BenchmarkSdk.SPANS.get() - spans));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
    }

    private static OpenAiChatModel.OpenAiChatModelBuilder model() {
        return OpenAiChatModel.builder()
                .httpClientBuilder(new CannedHttpClientBuilder())
                .baseUrl("https://api.openai.com/v1")
                .apiKey("sk-benchmark")
                .modelName("gpt-4o-mini")
                .temperature(0.2)
                .maxCompletionTokens(256)
                .maxRetries(0);
    }

    @Benchmark
    public ChatResponse rawChat() {
        return raw.chat(request);
    }

    /** A listener that does nothing: LangChain4j's own cost of having a listener (contexts, dispatch). */
    @Benchmark
    public ChatResponse noopListenerChat() {
        return noopListened.chat(request);
    }

    @Benchmark
    public ChatResponse listenerChat() {
        return listened.chat(request);
    }

    @Benchmark
    public ChatResponse wrappedChat() {
        return wrapped.chat(request);
    }

    /** The core's own inference path for the same call, on the same SDK: the yardstick of the target. */
    @Benchmark
    public void corePath() {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o-mini")
                .server("api.openai.com", 443L)
                .temperature(0.2)
                .maxTokens(256L)
                .build());
        inference.end(InferenceResponse.builder()
                .responseId("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .responseModel("gpt-4o-mini-2024-07-18")
                .finishReasons(FINISH_REASONS)
                .usage(TokenUsage.of(26L, 12L))
                .build());
    }

    private static final class CannedHttpClientBuilder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new CannedHttpClient();
        }
    }

    /** Answers every request with the same chat completion, synchronously, without I/O. */
    private static final class CannedHttpClient implements HttpClient {
        private static final Map<String, List<String>> HEADERS = Map.of(
                "content-type", List.of("application/json"), "x-request-id", List.of("req_1"));

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return SuccessfulHttpResponse.builder().statusCode(200).headers(HEADERS).body(CHAT).build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            throw new UnsupportedOperationException("no streaming in this benchmark");
        }
    }
}
