package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM_CURSOR;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_STATUS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClientAsync;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.ResponseRetrieveParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code responses().retrieveStreaming(...)}: the {@code fetch_response} operation over a stream of events. */
class FetchResponseStreamingTest extends WireMockFixture {

    private static final String ID = "resp_s1";

    /** The events after sequence number 1 of {@link Payloads#responseStream()}, as a resumed stream sends them. */
    private static final String RESUMED_STREAM = Payloads.event("response.output_text.delta",
            "{\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_s1\","
                    + "\"output_index\":0,\"content_index\":0,\"delta\":\" there!\",\"logprobs\":[]}")
            + Payloads.event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":3,"
                    + "\"response\":" + Payloads.STREAMED_RESPONSE_COMPLETED + "}");

    private static final String OUTPUT = "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
            + "\"Hi there!\"}],\"finish_reason\":\"stop\"}]";

    private static ResponseRetrieveParams resumeAfter(long cursor) {
        return ResponseRetrieveParams.builder().responseId(ID).startingAfter(cursor).build();
    }

    private static List<ResponseStreamEvent> drain(StreamResponse<ResponseStreamEvent> stream) {
        try (stream) {
            return stream.stream().collect(Collectors.toList());
        }
    }

    private static List<String> metricNames(Collection<MetricData> collected) {
        return collected.stream().map(MetricData::getName).collect(Collectors.toList());
    }

    @Test
    void drainedStreamRecordsWhatANonStreamedRetrieveRecordsAndItsCursor() {
        stubGetSse("/responses/" + ID, RESUMED_STREAM);
        stubGetJson("/responses/" + ID, 200, Payloads.STREAMED_RESPONSE_COMPLETED);

        List<ResponseStreamEvent> instrumented = drain(client(ContentCapture.SPAN_ONLY).responses()
                .retrieveStreaming(resumeAfter(1)));
        List<ResponseStreamEvent> raw = drain(rawClient.responses().retrieveStreaming(resumeAfter(1)));

        assertThat(instrumented).isEqualTo(raw).hasSize(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/responses/" + ID))
                .withQueryParam("stream", equalTo("true")).withQueryParam("starting_after", equalTo("1")));
        SpanData streamed = onlySpan();
        assertThat(streamed.getName()).isEqualTo("fetch_response");
        assertThat(streamed.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(streamed.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(streamed, GEN_AI_OPERATION_NAME)).isEqualTo("fetch_response");
        assertThat(attr(streamed, GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(attr(streamed, OPENAI_API_TYPE)).isEqualTo("responses");
        assertThat(attr(streamed, GEN_AI_RESPONSE_ID)).isEqualTo(ID);
        assertThat(attr(streamed, GEN_AI_REQUEST_STREAM_CURSOR)).isEqualTo("1");
        assertThat(attr(streamed, GEN_AI_RESPONSE_STATUS)).isEqualTo("completed");
        assertThat(attr(streamed, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(streamed, GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(attr(streamed, OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("default");
        assertThat(attr(streamed, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(OUTPUT);
        // Not an inference: no usage, no stream flag, no time to first chunk, the conventions' fetch_response span.
        assertThat(attr(streamed, GEN_AI_USAGE_INPUT_TOKENS)).isNull();
        assertThat(attr(streamed, GEN_AI_USAGE_OUTPUT_TOKENS)).isNull();
        assertThat(attr(streamed, GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(attr(streamed, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
        Collection<MetricData> collected = metrics.collectAllMetrics();
        assertThat(metricNames(collected)).contains("gen_ai.client.operation.duration")
                .doesNotContain("gen_ai.client.inference.duration", "gen_ai.client.inference.usage.input_tokens",
                        "gen_ai.client.inference.time_to_first_chunk", "gen_ai.client.inference.time_per_output_chunk",
                        "gen_ai.client.token.usage", "gen_ai.client.operation.time_to_first_chunk",
                        "gen_ai.client.operation.time_per_output_chunk");
        assertThat(points("gen_ai.client.operation.duration").get(0).getAttributes()
                .get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("fetch_response");

        spans.reset();
        client(ContentCapture.SPAN_ONLY).responses().retrieve(ID);

        SpanData fetched = onlySpan();
        assertThat(fetched.getName()).isEqualTo(streamed.getName());
        assertThat(streamed.getAttributes().toBuilder().remove(GEN_AI_REQUEST_STREAM_CURSOR).build().asMap())
                .isEqualTo(fetched.getAttributes().asMap());
    }

    @Test
    void streamFromTheStartHasNoCursorAndNoContentWhenCaptureIsOff() {
        stubGetSse("/responses/" + ID, Payloads.responseStream());

        List<ResponseStreamEvent> instrumented = drain(client().responses().retrieveStreaming(ID));

        assertThat(instrumented).hasSize(4);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_STREAM_CURSOR)).isNull();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_RESPONSE_STATUS)).isEqualTo("completed");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void streamClosedEarlyEndsTheSpanWithWhatArrived() {
        stubGetSse("/responses/" + ID, Payloads.responseStream());
        StreamResponse<ResponseStreamEvent> stream = client(ContentCapture.SPAN_ONLY).responses()
                .retrieveStreaming(ID);
        Iterator<ResponseStreamEvent> events = stream.stream().iterator();
        events.next();
        events.next();

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        stream.close();

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo(ID);
        assertThat(attr(span, GEN_AI_RESPONSE_STATUS)).isEqualTo("in_progress");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hi\"}],\"finish_reason\":\"error\"}]");
    }

    @Test
    void textCutAtTheContentBudgetIsReportedAsTruncated() {
        stubGetSse("/responses/" + ID, Payloads.responseStream());
        StreamResponse<ResponseStreamEvent> stream = OpenAITelemetry.builder(telemetry(ContentCapture.SPAN_ONLY,
                builder -> builder.setMaxContentChars(1))).setIncludeStreamUsage(false).build().wrap(rawClient)
                .responses().retrieveStreaming(ID);
        Iterator<ResponseStreamEvent> events = stream.stream().iterator();
        events.next();
        events.next();
        stream.close();

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"H\"}],\"finish_reason\":\"error\"}]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
    }

    @Test
    void streamAbandonedWithoutCloseStillEndsTheSpan() {
        stubGetSse("/responses/" + ID, Payloads.responseStream());
        startAndAbandon();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("fetch_response");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("stream_abandoned");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo(ID);
    }

    private void startAndAbandon() {
        client().responses().retrieveStreaming(ID).stream().iterator().next();
    }

    @Test
    void errorEventMidStreamFailsTheSpanWithItsCodeAndTheCallerSeesWhatTheRawClientShows() {
        stubGetSse("/responses/" + ID, Payloads.event("response.in_progress", "{\"type\":\"response.in_progress\","
                + "\"sequence_number\":1,\"response\":" + Payloads.STREAMED_RESPONSE_CREATED + "}")
                + Payloads.event("error", "{\"type\":\"error\",\"sequence_number\":2,\"code\":\"server_error\","
                + "\"message\":\"The server had an error.\",\"param\":null}"));

        Throwable instrumented = catchThrowable(() -> drain(client().responses().retrieveStreaming(ID)));
        Throwable raw = catchThrowable(() -> drain(rawClient.responses().retrieveStreaming(ID)));

        assertThat(instrumented == null ? null : instrumented.getClass())
                .isEqualTo(raw == null ? null : raw.getClass());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("server_error");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo(ID);
    }

    @Test
    void httpErrorIsRecordedAndTheSameExceptionReachesTheCaller() {
        server.stubFor(get(urlPathEqualTo("/v1/responses/resp_missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Response "
                        + "with id 'resp_missing' not found.\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":null}}")));

        Throwable instrumented = catchThrowable(() -> drain(client().responses().retrieveStreaming("resp_missing")));
        Throwable raw = catchThrowable(() -> drain(rawClient.responses().retrieveStreaming("resp_missing")));

        assertThat(instrumented).isInstanceOf(NotFoundException.class).hasSameClassAs(raw)
                .hasMessage(raw.getMessage());
        SpanData span = onlySpan();
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("404");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_missing");
    }

    @Test
    void asyncStreamEndsOnCompletion() {
        stubGetSse("/responses/" + ID, RESUMED_STREAM);
        List<ResponseStreamEvent> seen = new CopyOnWriteArrayList<>();

        asyncClient().responses().retrieveStreaming(resumeAfter(1)).subscribe(seen::add).onCompleteFuture().join();

        SpanData span = awaitOnlySpan();
        assertThat(seen).isEqualTo(drain(rawClient.responses().retrieveStreaming(resumeAfter(1))));
        assertThat(span.getName()).isEqualTo("fetch_response");
        assertThat(attr(span, GEN_AI_REQUEST_STREAM_CURSOR)).isEqualTo("1");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_RESPONSE_STATUS)).isEqualTo("completed");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void asyncStreamAbandonedBeforeSubscribingStillEndsTheSpan() {
        stubGetSse("/responses/" + ID, RESUMED_STREAM);
        startAndAbandonAsync(asyncClient());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }

        assertThat(attr(onlySpan(), ERROR_TYPE)).isEqualTo("stream_abandoned");
    }

    private static void startAndAbandonAsync(OpenAIClientAsync client) {
        client.responses().retrieveStreaming(resumeAfter(1));
    }

    @Test
    void rawResponseStreamIsInstrumented() {
        stubGetSse("/responses/" + ID, RESUMED_STREAM);

        try (HttpResponseFor<StreamResponse<ResponseStreamEvent>> response = client().withRawResponse().responses()
                .retrieveStreaming(resumeAfter(1))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.parse().stream().count()).isEqualTo(2);
        }

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("fetch_response");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void asyncRawResponseStreamIsInstrumented() {
        stubGetSse("/responses/" + ID, RESUMED_STREAM);

        try (HttpResponseFor<StreamResponse<ResponseStreamEvent>> response = asyncClient().withRawResponse()
                .responses().retrieveStreaming(resumeAfter(1)).join()) {
            assertThat(response.parse().stream().count()).isEqualTo(2);
        }

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("fetch_response");
        assertThat(attr(span, GEN_AI_REQUEST_STREAM_CURSOR)).isEqualTo("1");
        assertThat(attr(span, GEN_AI_RESPONSE_STATUS)).isEqualTo("completed");
    }
}
