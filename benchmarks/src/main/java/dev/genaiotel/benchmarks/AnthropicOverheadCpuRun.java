package dev.genaiotel.benchmarks;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.services.blocking.MessageService;
import com.openai.client.OpenAIClient;
import com.openai.core.ClientOptions;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * provider-anthropic's added cost per {@code messages().create} with content off, against provider-openai's per
 * {@code chat().completions().create}, in one {@link PairedCpuRun}: each wrapped client is measured against its own
 * raw client in the same rounds, and the ratio of the two added costs is printed. The question is issue 17's target
 * ("added cost per call with content off at most what provider-openai adds for a chat call").
 *
 * <p>Group {@code standin} (the default): both instrumentations wrap a stand-in client whose service answers with an
 * object its library parsed once from a canned body (a {@code Message}, a {@code ChatCompletion} of the same
 * exchange), so a raw call costs a few ns and the differences are not lost in the clients' own tens of us. Group
 * {@code client}: the real clients over in-memory transports answering the same bodies (each library's whole request
 * and response pipeline runs; the differences are noisier). Both SDKs discard what they export
 * ({@link BenchmarkSdk}). Run with
 * {@code java -cp benchmarks.jar dev.genaiotel.benchmarks.AnthropicOverheadCpuRun [rounds] [standin|client]}.
 */
public final class AnthropicOverheadCpuRun {

    static final String MESSAGE = "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":"
            + "\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":"
            + "\"The sky is blue because of Rayleigh scattering.\"}],\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":26,\"cache_creation_input_tokens\":0,"
            + "\"cache_read_input_tokens\":0,\"output_tokens\":12,\"service_tier\":\"standard\"}}";

    private AnthropicOverheadCpuRun() {}

    /** Runs the chosen group. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        String group = args.length > 1 ? args[1] : "standin";
        MessageCreateParams messageParams = MessageCreateParams.builder().model("claude-sonnet-4-5")
                .system("You are a helpful assistant.").addUserMessage("Why is the sky blue?").maxTokens(256L)
                .putAdditionalBodyProperty("temperature", JsonValue.from(0.2)).build();
        ChatCompletionCreateParams chatParams = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("You are a helpful assistant.").addUserMessage("Why is the sky blue?")
                .temperature(0.2).maxCompletionTokens(256L).build();
        // anthropic-java 3.16 sets credentials only through a client builder: take its options, swap the transport.
        AnthropicClient okHttp = AnthropicOkHttpClient.builder().apiKey("sk-ant-benchmark").maxRetries(0).build();
        AnthropicClient anthropicClient = new AnthropicClientImpl(okHttp.options().toBuilder()
                .httpClient(new CannedHttpClient(MESSAGE.getBytes(StandardCharsets.UTF_8))).build());
        okHttp.close();
        OpenAIClient openAiClient = OpenAiBenchmark.client(OpenAiBenchmark.CHAT, "application/json");
        AnthropicClient rawAnthropic;
        OpenAIClient rawOpenAi;
        switch (group) {
            case "standin":
                rawAnthropic = standIn(anthropicClient.options(), anthropicClient.messages().create(messageParams));
                rawOpenAi = standIn(openAiClient.chat().completions().create(chatParams));
                break;
            case "client":
                rawAnthropic = anthropicClient;
                rawOpenAi = openAiClient;
                break;
            default:
                throw new IllegalArgumentException("group: standin or client, not " + group);
        }
        OpenTelemetrySdk sdk = BenchmarkSdk.discarding();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        try {
            AnthropicClient oursAnthropic = AnthropicTelemetry.create(noContent(sdk)).wrap(rawAnthropic);
            OpenAIClient oursOpenAi = OpenAITelemetry.create(noContent(sdk)).wrap(rawOpenAi);
            Runnable rawMessage = () -> blackhole.consume(rawAnthropic.messages().create(messageParams));
            Runnable oursMessage = () -> blackhole.consume(oursAnthropic.messages().create(messageParams));
            Runnable rawChat = () -> blackhole.consume(rawOpenAi.chat().completions().create(chatParams));
            Runnable oursChat = () -> blackhole.consume(oursOpenAi.chat().completions().create(chatParams));
            expectSpans("rawMessage", rawMessage, 0);
            expectSpans("oursMessage", oursMessage, 1);
            expectSpans("rawChat", rawChat, 0);
            expectSpans("oursChat", oursChat, 1);
            int warmCalls = "standin".equals(group) ? 20_000 : 2_000;
            for (Runnable call : new Runnable[] {rawMessage, oursMessage, rawChat, oursChat}) {
                for (int i = 0; i < warmCalls; i++) {
                    call.run();
                }
            }
            // PairedCpuRun sizes a round by its first variant: a stand-in call costs almost nothing, so 1 ms of them
            // makes rounds of tens of ms for the instrumented variants.
            long roundNanos = "standin".equals(group) ? 1_000_000L : 100_000_000L;
            new PairedCpuRun("Anthropic message and OpenAI chat, content off, " + group)
                    .add("rawMessage", rawMessage)
                    .add("oursMessage", "rawMessage", oursMessage)
                    .add("rawChat", rawChat)
                    .add("oursChat", "rawChat", oursChat)
                    .ratio("oursMessage", "oursChat", true)
                    .run(5, rounds, roundNanos);
        } finally {
            blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
            sdk.close();
        }
    }

    private static GenAiTelemetry noContent(OpenTelemetrySdk sdk) {
        return GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(ContentCapture.NO_CONTENT).setEmitEvent(false).build();
    }

    private static void expectSpans(String variant, Runnable call, long spans) {
        long before = BenchmarkSdk.SPANS.get();
        call.run();
        long recorded = BenchmarkSdk.SPANS.get() - before;
        if (recorded != spans) {
            throw new IllegalStateException(variant + " recorded " + recorded + " spans, expected " + spans);
        }
    }

    /**
     * An {@code AnthropicClient} with {@code options} whose {@code messages().create} answers {@code message};
     * {@code withOptions} applies its modifier to the options and returns a stand-in with the result. Nothing else
     * is supported.
     */
    static AnthropicClient standIn(com.anthropic.core.ClientOptions options, Message message) {
        MessageService messages = proxy(MessageService.class, (self, method, args) -> "create".equals(method.getName())
                ? message : objectMethod(self, method.getName(), args));
        return proxy(AnthropicClient.class, (self, method, args) -> {
            switch (method.getName()) {
                case "messages":
                    return messages;
                case "options":
                    return options;
                case "withOptions":
                    @SuppressWarnings("unchecked")
                    Consumer<com.anthropic.core.ClientOptions.Builder> modifier =
                            (Consumer<com.anthropic.core.ClientOptions.Builder>) args[0];
                    com.anthropic.core.ClientOptions.Builder builder = options.toBuilder();
                    modifier.accept(builder);
                    return standIn(builder.build(), message);
                case "close":
                    return null;
                default:
                    return objectMethod(self, method.getName(), args);
            }
        });
    }

    /**
     * An {@code OpenAIClient} whose {@code chat().completions().create} answers {@code completion}; {@code withOptions}
     * shows its modifier the options of a client on {@code https://api.openai.com/v1} and returns the stand-in.
     */
    static OpenAIClient standIn(ChatCompletion completion) {
        ChatCompletionService completions = proxy(ChatCompletionService.class, (self, method, args) ->
                "create".equals(method.getName()) ? completion : objectMethod(self, method.getName(), args));
        ChatService chat = proxy(ChatService.class, (self, method, args) -> "completions".equals(method.getName())
                ? completions : objectMethod(self, method.getName(), args));
        return proxy(OpenAIClient.class, (self, method, args) -> {
            switch (method.getName()) {
                case "chat":
                    return chat;
                case "withOptions":
                    @SuppressWarnings("unchecked")
                    Consumer<ClientOptions.Builder> modifier = (Consumer<ClientOptions.Builder>) args[0];
                    modifier.accept(ClientOptions.builder().httpClient(new NoOpenAiHttpClient())
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

    /** Answers every Messages API request with the same JSON body, synchronously, without I/O. */
    private static final class CannedHttpClient implements HttpClient {
        private final byte[] body;
        private final Headers headers = Headers.builder().put("Content-Type", "application/json")
                .put("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy").build();

        CannedHttpClient(byte[] body) {
            this.body = body;
        }

        @Override
        public HttpResponse execute(HttpRequest request, com.anthropic.core.RequestOptions requestOptions) {
            return new CannedResponse(new ByteArrayInputStream(body), headers);
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request,
                com.anthropic.core.RequestOptions requestOptions) {
            return CompletableFuture.completedFuture(execute(request, requestOptions));
        }

        @Override
        public void close() {
        }
    }

    private record CannedResponse(InputStream body, Headers headers) implements HttpResponse {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public void close() {
        }
    }

    /** Never called: the OpenAI stand-in answers before any request would be made. */
    private static final class NoOpenAiHttpClient implements com.openai.core.http.HttpClient {
        @Override
        public com.openai.core.http.HttpResponse execute(com.openai.core.http.HttpRequest request,
                com.openai.core.RequestOptions requestOptions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<com.openai.core.http.HttpResponse> executeAsync(
                com.openai.core.http.HttpRequest request, com.openai.core.RequestOptions requestOptions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
