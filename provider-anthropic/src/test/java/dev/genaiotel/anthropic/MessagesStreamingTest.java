package dev.genaiotel.anthropic;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.SseException;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code messages().createStreaming}: every SSE event type, every exit path, sync, async and raw. */
class MessagesStreamingTest extends AnthropicFixture {

    private static List<RawMessageStreamEvent> drain(AnthropicClient client) {
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(MessagesTest.params())) {
            return stream.stream().toList();
        }
    }

    @Test
    void drainedStreamEndsWithTheStreamedResponseUsageAndChunkTimings() {
        stubSse(Payloads.TEXT_STREAM);
        List<RawMessageStreamEvent> events = drain(client());

        assertThat(events).hasSize(7);
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat claude-sonnet-4-5");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(15L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(10L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS)).isEqualTo(5L);
        assertThat(attr(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(points("gen_ai.client.inference.time_to_first_chunk").get(0).getCount()).isEqualTo(1);
        // Three output chunks (content_block_start and two deltas): two gaps between them.
        assertThat(points("gen_ai.client.inference.time_per_output_chunk").get(0).getCount()).isEqualTo(2);
        assertThat(counter("gen_ai.client.inference.usage.output_tokens")).isEqualTo(15L);
    }

    @Test
    void callerSeesTheSameEventsAsFromTheRawClient() {
        stubSse(Payloads.WEB_SEARCH_STREAM);
        List<RawMessageStreamEvent> raw = drain(rawClient);
        List<RawMessageStreamEvent> traced = drain(client(ContentCapture.SPAN_ONLY));
        assertThat(traced).isEqualTo(raw);
    }

    @Test
    void streamClosedEarlyEndsWithWhatArrived() {
        stubSse(Payloads.TEXT_STREAM);
        try (StreamResponse<RawMessageStreamEvent> stream = client().messages()
                .createStreaming(MessagesTest.params())) {
            Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
            events.next();
            events.next();
        }

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
    }

    @Test
    void streamAbandonedWithoutCloseStillEndsItsSpan() {
        stubSse(Payloads.TEXT_STREAM);
        startAndAbandon(client());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("stream_abandoned");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
    }

    @SuppressWarnings("MustBeClosedChecker") // dropped unclosed on purpose
    private static void startAndAbandon(AnthropicClient client) {
        StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(MessagesTest.params());
        stream.stream().iterator().next();
    }

    @Test
    void streamKeptOnlyAsJavaStreamIsNotTakenForAbandoned() {
        stubSse(Payloads.TEXT_STREAM);
        Iterator<RawMessageStreamEvent> events = client().messages().createStreaming(MessagesTest.params()).stream()
                .iterator();
        events.next();
        for (int i = 0; i < 5; i++) {
            System.gc();
            sleep(20);
        }
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        events.forEachRemaining(event -> { });
        assertThat(onlySpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void errorEventMidStreamIsTheFailureAndKeepsWhatArrived() {
        stubSse(Payloads.OVERLOADED_MID_STREAM);
        Throwable raw = catchThrowable(() -> drain(rawClient));
        Throwable traced = catchThrowable(() -> drain(client(ContentCapture.SPAN_ONLY)));

        assertThat(traced).isInstanceOf(SseException.class);
        assertThat(traced.getMessage()).isEqualTo(raw.getMessage());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("overloaded_error");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(json(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[{"type":"text","content":"Hello"}],"finish_reason":"error"}]"""));
    }

    @Test
    void truncatedStreamEndsWithAnUnfinishedChoiceAndShowsTheCallerWhatTheRawClientShows() {
        stubSse(Payloads.TRUNCATED_STREAM);
        List<RawMessageStreamEvent> raw = drain(rawClient);
        List<RawMessageStreamEvent> traced = drain(client());

        assertThat(traced).isEqualTo(raw);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
    }

    @Test
    void malformedEventFailsTheStreamAsTheRawClientDoes() {
        stubSse(Payloads.MALFORMED_STREAM);
        Throwable raw = catchThrowable(() -> drain(rawClient));
        Throwable traced = catchThrowable(() -> drain(client()));

        assertThat(raw).isNotNull();
        assertThat(traced).hasSameClassAs(raw);
        assertThat(traced.getMessage()).isEqualTo(raw.getMessage());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo(raw.getClass().getName());
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
    }

    @Test
    void httpErrorBeforeTheStreamIsRecordedWithItsStatus() {
        stubJson(529, Payloads.error("overloaded_error", "Overloaded"));
        Throwable error = catchThrowable(() -> drain(client()));

        assertThat(error).isInstanceOf(com.anthropic.errors.OverloadedException.class);
        assertThat(attr(onlySpan(), ERROR_TYPE)).isEqualTo("529");
    }

    @Test
    void streamedThinkingTextAndToolCallAreAssembledWithContent() {
        stubSse(Payloads.TOOL_USE_STREAM);
        drain(client(ContentCapture.SPAN_ONLY));

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(json(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[
                  {"type":"reasoning","content":"Need the weather tool."},
                  {"type":"text","content":"Checking."},
                  {"type":"tool_call","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather",
                   "arguments":{"location":"San Francisco, CA"}}],"finish_reason":"tool_call"}]"""));
    }

    @Test
    void streamedServerToolCallResultAndCitationsReadAsInANonStreamedAnswer() {
        stubSse(Payloads.WEB_SEARCH_STREAM);
        drain(client(ContentCapture.SPAN_ONLY));

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(10682L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(510L);
        assertThat(json(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[
                  {"type":"server_tool_call","id":"srvtoolu_014hJH82Qum7Td6UV8gDXThB","name":"web_search",
                   "server_tool_call":{"type":"web_search","input":{"query":"weather NYC"}}},
                  {"type":"server_tool_call_response","id":"srvtoolu_014hJH82Qum7Td6UV8gDXThB",
                   "server_tool_call_response":{"type":"web_search","content":[{"type":"web_search_result",
                     "title":"Weather in New York City","url":"https://weather.example/nyc",
                     "encrypted_content":"Ev0DCioIAxgC","page_age":null}]}},
                  {"type":"text","content":"It is sunny.","citations":[{"type":"web_search_result_location",
                    "cited_text":"Sunny, 75F","url":"https://weather.example/nyc",
                    "title":"Weather in New York City","encrypted_index":"EpMBCioIAhgB"}]}],
                  "finish_reason":"stop"}]"""));
    }

    @Test
    void rawResponseStreamIsTracedThroughItsParsedStream() {
        stubSse(Payloads.TEXT_STREAM);
        HttpResponseFor<StreamResponse<RawMessageStreamEvent>> response = client().withRawResponse().messages()
                .createStreaming(MessagesTest.params());
        List<RawMessageStreamEvent> events;
        try (StreamResponse<RawMessageStreamEvent> stream = response.parse()) {
            events = stream.stream().toList();
        }

        assertThat(events).hasSize(7);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(15L);
    }

    @Test
    void asyncStreamEndsWhenTheHandlerCompletes() throws Exception {
        stubSse(Payloads.TEXT_STREAM);
        List<RawMessageStreamEvent> received = new CopyOnWriteArrayList<>();
        AsyncStreamResponse<RawMessageStreamEvent> stream = asyncClient().messages()
                .createStreaming(MessagesTest.params());
        stream.subscribe(received::add);
        stream.onCompleteFuture().get(5, TimeUnit.SECONDS);

        assertThat(received).hasSize(7);
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
    }

    @Test
    void asyncStreamErrorEventIsRecordedAndReachesTheHandler() throws Exception {
        stubSse(Payloads.OVERLOADED_MID_STREAM);
        List<Optional<Throwable>> outcomes = new ArrayList<>();
        AsyncStreamResponse<RawMessageStreamEvent> stream = asyncClient().messages()
                .createStreaming(MessagesTest.params());
        stream.subscribe(new AsyncStreamResponse.Handler<>() {
            @Override
            public void onNext(RawMessageStreamEvent event) {
            }

            @Override
            public void onComplete(Optional<Throwable> error) {
                synchronized (outcomes) {
                    outcomes.add(error);
                }
            }
        });
        catchThrowable(() -> stream.onCompleteFuture().get(5, TimeUnit.SECONDS));

        SpanData span = awaitOnlySpan();
        synchronized (outcomes) {
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0)).containsInstanceOf(SseException.class);
        }
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("overloaded_error");
    }
}
