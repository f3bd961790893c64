package dev.genaiotel.benchmarks.peers;

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
 * Ours against the OpenTelemetry Java instrumentation's {@code opentelemetry-openai-java-1.1} library ("peer"),
 * both wrapping the same openai-java client, which runs its whole pipeline (serialisation, headers, JSON and SSE
 * parsing) against an in-memory {@link HttpClient} with recorded-shape bodies. All variants record into one
 * {@link PeerSdk}, on the OpenTelemetry 1.65 line the peer library needs.
 *
 * <p>Content settings compared: ours {@code NO_CONTENT} against the peer with message capture off; ours
 * {@code SPAN_AND_EVENT} and {@code EVENT_ONLY} against the peer with message capture on (the peer records content
 * only as log events, and emits those events without content even with capture off). Added cost per call:
 * {@code x Chat - rawChat}; per streamed chunk:
 * {@code (x Stream - rawStream - (x Chat - rawChat)) / chunks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenAiPeerBenchmark {

    static final byte[] CHAT = ("{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
            + "\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"choices\":[{\"index\":0,"
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

    private OpenTelemetrySdk sdk;
    private ChatCompletionCreateParams params;

    private OpenAIClient rawChat;
    private OpenAIClient rawStream;
    private OpenAIClient oursChatNoContent;
    private OpenAIClient oursStreamNoContent;
    private OpenAIClient oursChatSpanAndEvent;
    private OpenAIClient oursStreamSpanAndEvent;
    private OpenAIClient oursChatEventOnly;
    private OpenAIClient oursStreamEventOnly;
    private OpenAIClient peerChatNoContent;
    private OpenAIClient peerStreamNoContent;
    private OpenAIClient peerChatContent;
    private OpenAIClient peerStreamContent;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] stream = sse(chunks);
        rawChat = client(CHAT, "application/json");
        rawStream = client(stream, "text/event-stream");
        sdk = PeerSdk.discarding();
        params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("You are a helpful assistant.").addUserMessage("Why is the sky blue?")
                .temperature(0.2).maxCompletionTokens(256L).build();

        OpenAITelemetry noContent = ours(ContentCapture.NO_CONTENT);
        OpenAITelemetry spanAndEvent = ours(ContentCapture.SPAN_AND_EVENT);
        OpenAITelemetry eventOnly = ours(ContentCapture.EVENT_ONLY);
        oursChatNoContent = noContent.wrap(rawChat);
        oursStreamNoContent = noContent.wrap(rawStream);
        oursChatSpanAndEvent = spanAndEvent.wrap(rawChat);
        oursStreamSpanAndEvent = spanAndEvent.wrap(rawStream);
        oursChatEventOnly = eventOnly.wrap(rawChat);
        oursStreamEventOnly = eventOnly.wrap(rawStream);

        io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry peerOff =
                io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry.builder(sdk)
                        .setCaptureMessageContent(false).build();
        io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry peerOn =
                io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry.builder(sdk)
                        .setCaptureMessageContent(true).build();
        peerChatNoContent = peerOff.wrap(rawChat);
        peerStreamNoContent = peerOff.wrap(rawStream);
        peerChatContent = peerOn.wrap(rawChat);
        peerStreamContent = peerOn.wrap(rawStream);

        // Every variant must really do its work before its time means anything.
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        PeerSdk.expectNothing("rawChat", this::rawChat);
        PeerSdk.expectNothing("rawStream", () -> rawStream(blackhole));
        PeerSdk.expectRecorded("oursChatNoContent", false, this::oursChatNoContent);
        PeerSdk.expectRecorded("oursStreamNoContent", false, () -> oursStreamNoContent(blackhole));
        PeerSdk.expectRecorded("oursChatSpanAndEvent", true, this::oursChatSpanAndEvent);
        PeerSdk.expectRecorded("oursStreamSpanAndEvent", true, () -> oursStreamSpanAndEvent(blackhole));
        PeerSdk.expectRecorded("oursChatEventOnly", true, this::oursChatEventOnly);
        PeerSdk.expectRecorded("oursStreamEventOnly", true, () -> oursStreamEventOnly(blackhole));
        // The peer emits its gen_ai.* log events (without message content) even with capture off.
        PeerSdk.expectRecorded("peerChatNoContent", true, this::peerChatNoContent);
        PeerSdk.expectRecorded("peerStreamNoContent", true, () -> peerStreamNoContent(blackhole));
        PeerSdk.expectRecorded("peerChatContent", true, this::peerChatContent);
        PeerSdk.expectRecorded("peerStreamContent", true, () -> peerStreamContent(blackhole));
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
    }

    private OpenAITelemetry ours(ContentCapture capture) {
        GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture != ContentCapture.NO_CONTENT).build();
        return OpenAITelemetry.builder(telemetry).build();
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
    public ChatCompletion oursChatEventOnly() {
        return oursChatEventOnly.chat().completions().create(params);
    }

    @Benchmark
    public ChatCompletion peerChatNoContent() {
        return peerChatNoContent.chat().completions().create(params);
    }

    @Benchmark
    public ChatCompletion peerChatContent() {
        return peerChatContent.chat().completions().create(params);
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

    @Benchmark
    public void oursStreamEventOnly(Blackhole blackhole) {
        drain(oursStreamEventOnly, blackhole);
    }

    @Benchmark
    public void peerStreamNoContent(Blackhole blackhole) {
        drain(peerStreamNoContent, blackhole);
    }

    @Benchmark
    public void peerStreamContent(Blackhole blackhole) {
        drain(peerStreamContent, blackhole);
    }

    private void drain(OpenAIClient client, Blackhole blackhole) {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
            response.stream().forEach(blackhole::consume);
        }
    }

    // client, sse and the canned HTTP client repeat OpenAiBenchmark's (benchmarks/): that module is a shaded JMH jar on
    // our OpenTelemetry line, which this 1.65-pinned module cannot depend on. Keep the canned bodies alike.
    static OpenAIClient client(byte[] body, String contentType) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new CannedHttpClient(body, contentType))
                .baseUrl("https://api.openai.com/v1")
                .apiKey("sk-benchmark")
                .maxRetries(0)
                .build());
    }

    static byte[] sse(int chunks) {
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
