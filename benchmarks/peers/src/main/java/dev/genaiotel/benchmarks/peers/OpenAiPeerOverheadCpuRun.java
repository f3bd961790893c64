package dev.genaiotel.benchmarks.peers;

import com.openai.client.OpenAIClient;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The instrumentation's own cost, without openai-java's: {@link OpenAiPeerCpuRun}'s variants wrapping a stand-in
 * {@code OpenAIClient} that answers with objects openai-java parsed once from the same canned bodies (the completion,
 * and the 100 chunks of the stream, usage chunk included), so the raw call costs almost nothing and the differences
 * are not lost in the noise of openai-java's 40 us per call and 18 us per chunk on a loaded machine. The stand-in's
 * stream is a pipelined {@link Stream} like openai-java's. Both instrumentations wrap it through the
 * {@code OpenAIClient} interface, as they wrap the real client. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.OpenAiPeerOverheadCpuRun [rounds] [group]
 * [processors]}: 41 rounds by default; group {@code off} (the default: content off, ours against the peer),
 * {@code content} (ours with {@code SPAN_AND_EVENT} and {@code EVENT_ONLY} against the peer with capture on) or
 * {@code semconv} (ours, content off, under each conventions setting); processors {@code simple} (the default: the
 * SDK exports on the calling thread) or {@code batch} (on the SDK's threads, as in production; see {@link PeerSdk}).
 */
public final class OpenAiPeerOverheadCpuRun {

    private static final int CHUNKS = 100;

    private OpenAiPeerOverheadCpuRun() {}

    /** Runs the chat group, then the stream group, of the chosen variants. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        String group = args.length > 1 ? args[1] : "off";
        boolean batch = args.length > 2 && "batch".equals(args[2]);
        // PairedCpuRun sizes a round by its first variant, which here costs almost nothing: 1 ms of raw calls makes
        // rounds of about 50 to 150 ms for the instrumented variants.
        long roundNanos = 1_000_000L;
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("You are a helpful assistant.").addUserMessage("Why is the sky blue?")
                .temperature(0.2).maxCompletionTokens(256L).build();
        ChatCompletion completion = OpenAiPeerBenchmark.client(OpenAiPeerBenchmark.CHAT, "application/json").chat()
                .completions().create(params);
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = OpenAiPeerBenchmark.client(
                OpenAiPeerBenchmark.sse(CHUNKS), "text/event-stream").chat().completions().createStreaming(params)) {
            chunks = stream.stream().collect(Collectors.toList());
        }
        if (chunks.size() != CHUNKS) {
            throw new IllegalStateException("expected " + CHUNKS + " chunks, got " + chunks.size());
        }
        OpenAIClient raw = standIn(completion, chunks);
        OpenTelemetrySdk sdk = batch ? PeerSdk.batching() : PeerSdk.discarding();
        Map<String, OpenAIClient> clients = new LinkedHashMap<>();
        Map<String, Boolean> events = new LinkedHashMap<>();
        List<String[]> ratios = new ArrayList<>();
        switch (group) {
            case "off":
                add(clients, events, "ours", ours(sdk, raw, ContentCapture.NO_CONTENT), false);
                add(clients, events, "peer", peer(sdk, raw, false), true);
                ratios.add(new String[] {"ours", "peer"});
                break;
            case "content":
                add(clients, events, "oursSpanAndEvent", ours(sdk, raw, ContentCapture.SPAN_AND_EVENT), true);
                add(clients, events, "oursEventOnly", ours(sdk, raw, ContentCapture.EVENT_ONLY), true);
                add(clients, events, "peerContent", peer(sdk, raw, true), true);
                ratios.add(new String[] {"oursSpanAndEvent", "peerContent"});
                ratios.add(new String[] {"oursEventOnly", "peerContent"});
                break;
            case "semconv":
                add(clients, events, "ours", ours(sdk, raw, ContentCapture.NO_CONTENT), false);
                add(clients, events, "oursLegacy", ours(sdk, raw, ContentCapture.NO_CONTENT,
                        SemconvVersion.V1_41_0), false);
                add(clients, events, "oursDual", ours(sdk, raw, ContentCapture.NO_CONTENT, SemconvVersion.V0_1_0,
                        SemconvVersion.V1_41_0), false);
                ratios.add(new String[] {"ours", "oursLegacy"});
                ratios.add(new String[] {"oursDual", "ours"});
                break;
            default:
                throw new IllegalArgumentException("group: off, content or semconv, not " + group);
        }
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        try {
            Function<OpenAIClient, Runnable> chat = client -> () -> blackhole.consume(
                    client.chat().completions().create(params));
            Function<OpenAIClient, Runnable> stream = client -> () -> {
                try (StreamResponse<ChatCompletionChunk> response = client.chat().completions()
                        .createStreaming(params)) {
                    response.stream().forEach(blackhole::consume);
                }
            };
            PeerSdk.expectNothing("raw chat", chat.apply(raw));
            PeerSdk.expectNothing("raw stream", stream.apply(raw));
            for (Map.Entry<String, OpenAIClient> client : clients.entrySet()) {
                boolean emits = events.get(client.getKey());
                PeerSdk.expectRecorded(client.getKey() + " chat", emits, chat.apply(client.getValue()));
                PeerSdk.expectRecorded(client.getKey() + " stream", emits, stream.apply(client.getValue()));
            }
            // PairedCpuRun's own warm-up is a few rounds of the (tiny) round length: warm up here first.
            warm(chat.apply(raw), 20_000);
            warm(stream.apply(raw), 2_000);
            for (OpenAIClient client : clients.values()) {
                warm(chat.apply(client), 20_000);
                warm(stream.apply(client), 2_000);
            }
            String setting = " on a stand-in client, " + group + ", " + (batch ? "batch" : "simple") + " processors";
            PairedCpuRun chats = new PairedCpuRun("OpenAI chat" + setting).add("rawChat", chat.apply(raw));
            PairedCpuRun streams = new PairedCpuRun("OpenAI stream of " + CHUNKS + " chunks" + setting)
                    .add("rawStream", stream.apply(raw));
            for (Map.Entry<String, OpenAIClient> client : clients.entrySet()) {
                chats.add(client.getKey() + "Chat", chat.apply(client.getValue()));
                streams.add(client.getKey() + "Stream", stream.apply(client.getValue()));
            }
            for (String[] ratio : ratios) {
                chats.ratio(ratio[0] + "Chat", ratio[1] + "Chat", true);
                streams.ratio(ratio[0] + "Stream", ratio[1] + "Stream", true);
            }
            chats.run(5, rounds, roundNanos);
            streams.run(5, rounds, roundNanos);
            if (batch) {
                PeerSdk.checkNothingDropped(sdk);
            }
        } finally {
            blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
            sdk.close();
        }
    }

    private static void add(Map<String, OpenAIClient> clients, Map<String, Boolean> events, String name,
            OpenAIClient client, boolean emitsEvents) {
        clients.put(name, client);
        events.put(name, emitsEvents);
    }

    private static OpenAIClient ours(OpenTelemetrySdk sdk, OpenAIClient raw, ContentCapture capture,
            SemconvVersion... versions) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture != ContentCapture.NO_CONTENT);
        if (versions.length > 0) {
            builder.setSemconvVersion(versions[0], Arrays.copyOfRange(versions, 1, versions.length));
        }
        return OpenAITelemetry.builder(builder.build()).build().wrap(raw);
    }

    private static OpenAIClient peer(OpenTelemetrySdk sdk, OpenAIClient raw, boolean content) {
        return io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry.builder(sdk)
                .setCaptureMessageContent(content).build().wrap(raw);
    }

    private static void warm(Runnable call, int calls) {
        for (int i = 0; i < calls; i++) {
            call.run();
        }
    }

    /**
     * An {@code OpenAIClient} whose {@code chat().completions()} answers {@code create} with {@code completion} and
     * {@code createStreaming} with {@code chunks}; {@code withOptions} shows its modifier the options of a client on
     * {@code https://api.openai.com/v1} (so our streams ask for usage, as with the real client there). Nothing else
     * is supported.
     */
    static OpenAIClient standIn(ChatCompletion completion, List<ChatCompletionChunk> chunks) {
        ChatCompletionService completions = proxy(ChatCompletionService.class, (self, method, args) -> {
            switch (method.getName()) {
                case "create":
                    return completion;
                case "createStreaming":
                    return new CannedStream(chunks);
                default:
                    return objectMethod(self, method.getName(), args);
            }
        });
        ChatService chat = proxy(ChatService.class, (self, method, args) -> "completions".equals(method.getName())
                ? completions : objectMethod(self, method.getName(), args));
        return proxy(OpenAIClient.class, (self, method, args) -> {
            switch (method.getName()) {
                case "chat":
                    return chat;
                case "withOptions":
                    @SuppressWarnings("unchecked")
                    Consumer<ClientOptions.Builder> modifier = (Consumer<ClientOptions.Builder>) args[0];
                    modifier.accept(ClientOptions.builder().httpClient(new NoHttpClient())
                            .baseUrl("https://api.openai.com/v1").apiKey("sk-benchmark"));
                    return self;
                case "close":
                    return null;
                default:
                    return objectMethod(self, method.getName(), args);
            }
        });
    }

    private static Object objectMethod(Object self, String name, Object[] args) {
        switch (name) {
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "toString":
                return "stand-in";
            default:
                throw new UnsupportedOperationException(name);
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The chunks as a pipelined stream, as openai-java's own (which maps its SSE lines). */
    private static final class CannedStream implements StreamResponse<ChatCompletionChunk> {
        private final List<ChatCompletionChunk> chunks;

        CannedStream(List<ChatCompletionChunk> chunks) {
            this.chunks = chunks;
        }

        @Override
        public Stream<ChatCompletionChunk> stream() {
            return chunks.stream().map(Function.identity());
        }

        @Override
        public void close() {
        }
    }

    /** Never called: the stand-in answers before any request would be made. */
    private static final class NoHttpClient implements HttpClient {
        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
