package dev.genaiotel.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The OpenAI instrumentation's own cost, without the network: openai-java runs its whole request and response
 * pipeline (serialisation, headers, retries wrapper, JSON and SSE parsing) against an in-memory
 * {@link HttpClient} that answers with recorded-shape bodies. {@code ours* - raw*} is what the instrumentation adds;
 * per streamed chunk: {@code (oursStream - rawStream - (oursChat - rawChat)) / chunks}.
 *
 * <p>The base URL is {@code https://api.openai.com/v1}, so streams ask for {@code include_usage} as they would in
 * production and the canned stream ends with the usage chunk for every variant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenAiBenchmark {

    static final byte[] CHAT = ("{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
            + "\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"The sky is blue because of Rayleigh scattering.\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":26,\"completion_tokens\":12,\"total_tokens\":38,\"prompt_tokens_details\":"
            + "{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
            + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** Chunks per streamed answer, the finish and usage chunks included. */
    @Param({"100"})
    public int chunks;

    private byte[] stream;
    private OpenAIClient rawChat;
    private OpenAIClient rawStream;
    private OpenAIClient oursChatNoContent;
    private OpenAIClient oursStreamNoContent;
    private OpenAIClient oursChatSpanAndEvent;
    private OpenAIClient oursStreamSpanAndEvent;
    private OpenTelemetrySdk sdk;
    private ChatCompletionCreateParams params;

    @Setup(Level.Trial)
    public void setUp() {
        stream = sse(chunks);
        rawChat = client(CHAT, "application/json");
        rawStream = client(stream, "text/event-stream");
        sdk = BenchmarkSdk.discarding();
        OpenAITelemetry noContent = OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT)).build();
        OpenAITelemetry spanAndEvent = OpenAITelemetry.builder(telemetry(ContentCapture.SPAN_AND_EVENT)).build();
        oursChatNoContent = noContent.wrap(rawChat);
        oursStreamNoContent = noContent.wrap(rawStream);
        oursChatSpanAndEvent = spanAndEvent.wrap(rawChat);
        oursStreamSpanAndEvent = spanAndEvent.wrap(rawStream);
        params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("You are a helpful assistant.").addUserMessage("Why is the sky blue?")
                .temperature(0.2).maxCompletionTokens(256L).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
    }

    private GenAiTelemetry telemetry(ContentCapture capture) {
        return GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture == ContentCapture.SPAN_AND_EVENT).build();
    }

    @Benchmark
    public ChatCompletion rawChat() {
        return rawChat.chat().completions().create(params);
    }

    @Benchmark
    public ChatCompletion oursChatNoContent() {
        return oursChatNoContent.chat().completions().create(params);
    }

    @Benchmark
    public ChatCompletion oursChatSpanAndEvent() {
        return oursChatSpanAndEvent.chat().completions().create(params);
    }

    @Benchmark
    public void rawStream(Blackhole blackhole) {
        drain(rawStream, blackhole);
    }

    @Benchmark
    public void oursStreamNoContent(Blackhole blackhole) {
        drain(oursStreamNoContent, blackhole);
    }

    @Benchmark
    public void oursStreamSpanAndEvent(Blackhole blackhole) {
        drain(oursStreamSpanAndEvent, blackhole);
    }

    private void drain(OpenAIClient client, Blackhole blackhole) {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            response.stream().forEach(blackhole::consume);
        }
    }

    static OpenAIClient client(byte[] body, String contentType) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new CannedHttpClient(body, contentType))
                .baseUrl("https://api.openai.com/v1")
                .apiKey("sk-benchmark")
                .maxRetries(0)
                .build());
    }

    private static byte[] sse(int chunks) {
        String head = "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":"
                + "\"fp_06737a9306\",\"choices\":";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < chunks - 2; i++) {
            body.append(head).append("[{\"index\":0,\"delta\":{\"content\":\" sky\"},\"logprobs\":null,"
                    + "\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        body.append(head).append("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":null}\n\n");
        body.append(head).append("[],\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":98,\"total_tokens\":124}}"
                + "\n\n");
        return body.append("data: [DONE]\n\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every request with the same body, synchronously, without I/O. */
    private static final class CannedHttpClient implements HttpClient {
        private final byte[] body;
        private final Headers headers;

        CannedHttpClient(byte[] body, String contentType) {
            this.body = body;
            this.headers = Headers.builder().put("Content-Type", contentType).put("x-request-id", "req_1").build();
        }

        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
            return new CannedResponse(body, headers);
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
            return CompletableFuture.completedFuture(new CannedResponse(body, headers));
        }

        @Override
        public void close() {
        }
    }

    private static final class CannedResponse implements HttpResponse {
        private final InputStream body;
        private final Headers headers;

        CannedResponse(byte[] body, Headers headers) {
            this.body = new ByteArrayInputStream(body);
            this.headers = headers;
        }

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
        }
    }
}
