package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChatStreamingTest extends WireMockFixture {

    /** The stream as the server sends it without {@code include_usage}: no usage-only chunk at the end. */
    private static final String CHAT_STREAM_WITHOUT_USAGE = Payloads.CHAT_STREAM_WITH_USAGE.substring(0,
            Payloads.CHAT_STREAM_WITH_USAGE.lastIndexOf("data: {")) + "data: [DONE]\n\n";

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hello.").build();
    }

    /** Like the real API: the usage-only chunk only when the request asks for it. */
    private void stubChatStreamHonouringIncludeUsage() {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(Payloads.CHAT_STREAM_WITH_USAGE)));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(CHAT_STREAM_WITHOUT_USAGE)));
    }

    private OpenAIClient clientAskingForUsage(ContentCapture capture) {
        return OpenAITelemetry.builder(telemetry(capture)).setIncludeStreamUsage(true).build().wrap(rawClient);
    }

    private static List<ChatCompletionChunk> drain(StreamResponse<ChatCompletionChunk> stream) {
        try (stream) {
            return stream.stream().collect(Collectors.toList());
        }
    }

    @Test
    void drainedStreamEndsSpanWithAccumulatedResponseAndUsage() {
        stubChatStreamHonouringIncludeUsage();

        drain(clientAskingForUsage(ContentCapture.SPAN_ONLY).chat().completions().createStreaming(params()));

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-s1");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
        assertThat(attr(span, OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("default");
        assertThat(attr(span, OPENAI_RESPONSE_SYSTEM_FINGERPRINT)).isEqualTo("fp_06737a9306");
        assertThat(attr(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull().isPositive();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hello world\"}],\"finish_reason\":\"stop\"}]");
        assertThat(points("gen_ai.client.inference.time_to_first_chunk").get(0).getCount()).isEqualTo(1);
        assertThat(points("gen_ai.client.inference.time_per_output_chunk").get(0).getCount()).isEqualTo(3);
        assertThat(tokenUsage()).containsEntry("input", 9.0).containsEntry("output", 2.0);
    }

    @Test
    void includeUsageIsRequestedAndItsChunkNeverReachesTheCaller() {
        stubChatStreamHonouringIncludeUsage();

        List<ChatCompletionChunk> instrumented = drain(clientAskingForUsage(ContentCapture.NO_CONTENT).chat()
                .completions().createStreaming(params()));
        List<ChatCompletionChunk> raw = drain(rawClient.chat().completions().createStreaming(params()));

        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
        assertThat(instrumented).hasSize(4).hasSameSizeAs(raw);
        for (int i = 0; i < raw.size(); i++) {
            assertThat(instrumented.get(i).choices()).isEqualTo(raw.get(i).choices());
            assertThat(instrumented.get(i).id()).isEqualTo(raw.get(i).id());
            assertThat(instrumented.get(i).usage()).isEqualTo(raw.get(i).usage()).isEmpty();
        }
        assertThat(attr(onlySpan(), GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
    }

    @Test
    void callerWhoAskedForUsageStillSeesTheUsageChunk() {
        stubChatStreamHonouringIncludeUsage();
        ChatCompletionCreateParams asking = params().toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        List<ChatCompletionChunk> chunks = drain(clientAskingForUsage(ContentCapture.NO_CONTENT).chat()
                .completions().createStreaming(asking));

        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(4).usage()).isPresent();
        assertThat(attr(onlySpan(), GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
    }

    @Test
    void callerWhoDeclinedUsageIsNotOverruled() {
        stubChatStreamHonouringIncludeUsage();
        ChatCompletionCreateParams declining = params().toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(false).build()).build();

        drain(clientAskingForUsage(ContentCapture.NO_CONTENT).chat().completions().createStreaming(declining));

        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("false"))));
        assertThat(attr(onlySpan(), GEN_AI_USAGE_INPUT_TOKENS)).isNull();
    }

    @Test
    void includeUsageIsNotRequestedFromOtherBaseUrlsByDefault() {
        stubChatStreamHonouringIncludeUsage();

        drain(OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT)).build().wrap(rawClient).chat()
                .completions().createStreaming(params()));

        assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("stream_options");
    }

    @Test
    void streamClosedEarlyEndsSpanWithWhatArrived() {
        stubChatStreamHonouringIncludeUsage();
        StreamResponse<ChatCompletionChunk> stream = client(ContentCapture.SPAN_ONLY).chat().completions()
                .createStreaming(params());
        Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
        chunks.next();
        chunks.next();

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        stream.close();

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-s1");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hello\"}],\"finish_reason\":\"error\"}]");
    }

    @Test
    void closingTheJavaStreamAlsoEndsTheSpan() {
        stubChatStreamHonouringIncludeUsage();
        StreamResponse<ChatCompletionChunk> response = client().chat().completions().createStreaming(params());

        try (var stream = response.stream()) {
            stream.findFirst();
        }
        response.close();

        assertThat(onlySpan().getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-s1");
    }

    @Test
    void streamAbandonedWithoutCloseStillEndsSpan() {
        stubChatStreamHonouringIncludeUsage();
        startAndAbandonStream(client());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("stream_abandoned");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-s1");
    }

    private static void startAndAbandonStream(OpenAIClient client) {
        StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params());
        stream.stream().iterator().next();
    }

    @Test
    void streamKeptOnlyAsJavaStreamIsNotTakenForAbandoned() {
        stubChatStreamHonouringIncludeUsage();
        Iterator<ChatCompletionChunk> chunks = client().chat().completions().createStreaming(params()).stream()
                .iterator();
        chunks.next();

        for (int i = 0; i < 5; i++) {
            System.gc();
            sleep(20);
        }
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        chunks.forEachRemaining(chunk -> { });
        assertThat(onlySpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void errorMidStreamIsRecordedAndRethrownUnchanged() {
        stubSse("/chat/completions", Payloads.CHAT_STREAM_ERROR);
        List<ChatCompletionChunk> seen = new ArrayList<>();

        Throwable instrumented = catchThrowable(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions()
                    .createStreaming(params())) {
                stream.stream().forEach(seen::add);
            }
        });
        Throwable raw = catchThrowable(() -> drain(rawClient.chat().completions().createStreaming(params())));

        assertThat(instrumented).isNotNull().hasSameClassAs(raw).hasMessage(raw.getMessage());
        assertThat(seen).hasSize(1);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("server_error");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-err");
    }

    @Test
    void exceptionFromTheCallersOwnActionIsNotAStreamFailure() {
        stubChatStreamHonouringIncludeUsage();
        IllegalStateException thrown = new IllegalStateException("the caller's own bug");
        List<ChatCompletionChunk> seen = new ArrayList<>();

        Throwable failure = catchThrowable(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions()
                    .createStreaming(params())) {
                stream.stream().forEach(chunk -> {
                    seen.add(chunk);
                    if (seen.size() == 2) {
                        throw thrown;
                    }
                });
            }
        });

        assertThat(failure).isSameAs(thrown);
        assertThat(seen).hasSize(2);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, ERROR_TYPE)).isNull();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
    }

    @Test
    void truncatedStreamShowsTheCallerWhatTheRawClientShows() {
        stubSse("/chat/completions", Payloads.CHAT_STREAM_TRUNCATED);

        List<ChatCompletionChunk> instrumented = drain(client().chat().completions().createStreaming(params()));
        List<ChatCompletionChunk> raw = drain(rawClient.chat().completions().createStreaming(params()));

        assertThat(instrumented).isEqualTo(raw);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
    }

    @Test
    void toolCallFragmentsAreAssembled() {
        stubSse("/chat/completions", Payloads.CHAT_STREAM_TOOL_CALL);

        drain(client(ContentCapture.SPAN_ONLY).chat().completions().createStreaming(params()));

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"tool_call\",\"id\":\"call_DdmO9pD3xa9XTPNJ32zg2hcA\",\"name\":\"get_weather\","
                + "\"arguments\":{\"location\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]");
    }

    @Test
    void rawResponseStreamIsInstrumented() {
        stubChatStreamHonouringIncludeUsage();

        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = client().withRawResponse().chat()
                .completions().createStreaming(params())) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.parse().stream().count()).isEqualTo(4);
        }

        assertThat(attr(onlySpan(), GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void asyncStreamEndsOnCompletionAndHidesTheUsageChunk() {
        stubChatStreamHonouringIncludeUsage();
        OpenAIClientAsync client = OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT))
                .setIncludeStreamUsage(true).build().wrap(rawAsyncClient);
        List<ChatCompletionChunk> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Optional<Throwable>> done = new CompletableFuture<>();

        client.chat().completions().createStreaming(params()).subscribe(new AsyncStreamResponse.Handler<>() {
            @Override
            public void onNext(ChatCompletionChunk chunk) {
                seen.add(chunk);
            }

            @Override
            public void onComplete(Optional<Throwable> error) {
                done.complete(error);
            }
        });

        assertThat(done.join()).isEmpty();
        assertThat(seen).hasSize(4);
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void asyncStreamFailureIsRecorded() {
        stubSse("/chat/completions", Payloads.CHAT_STREAM_ERROR);
        CompletableFuture<Optional<Throwable>> done = new CompletableFuture<>();

        asyncClient().chat().completions().createStreaming(params()).subscribe(new AsyncStreamResponse.Handler<>() {
            @Override
            public void onNext(ChatCompletionChunk chunk) {
            }

            @Override
            public void onComplete(Optional<Throwable> error) {
                done.complete(error);
            }
        });

        assertThat(done.join()).isPresent();
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("server_error");
    }

    @Test
    void asyncStreamHttpErrorIsRecorded() {
        stubJson("/chat/completions", 500, Payloads.ERROR_500);

        AsyncStreamResponse<ChatCompletionChunk> stream = asyncClient().chat().completions()
                .createStreaming(params());
        Throwable failure = catchThrowable(() -> stream.onCompleteFuture().join());

        assertThat(failure).isNotNull();
        assertThat(attr(awaitOnlySpan(), ERROR_TYPE)).isEqualTo("500");
    }

    @Test
    void asyncStreamAbandonedBeforeSubscribingStillEndsSpan() {
        stubChatStreamHonouringIncludeUsage();
        startAndAbandonAsyncStream(asyncClient());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }

        assertThat(attr(onlySpan(), ERROR_TYPE)).isEqualTo("stream_abandoned");
    }

    private static void startAndAbandonAsyncStream(OpenAIClientAsync client) {
        client.chat().completions().createStreaming(params());
    }

    @Test
    void asyncRawStreamIsInstrumented() {
        stubChatStreamHonouringIncludeUsage();

        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = asyncClient().withRawResponse().chat()
                .completions().createStreaming(params()).join()) {
            assertThat(response.parse().stream().count()).isEqualTo(4);
        }

        assertThat(attr(onlySpan(), GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void streamedContentReachesTheEventInSpanAndEventMode() {
        stubChatStreamHonouringIncludeUsage();

        drain(client(ContentCapture.SPAN_AND_EVENT).chat().completions().createStreaming(params()));

        assertThat(events()).hasSize(1);
        assertThat(events().get(0).getSpanContext()).isEqualTo(onlySpan().getSpanContext());
        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_MESSAGES)).contains("Hello world");
    }
}
