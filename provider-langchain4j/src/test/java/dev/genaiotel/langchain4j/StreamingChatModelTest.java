package dev.genaiotel.langchain4j;

import static dev.genaiotel.langchain4j.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingChatModelTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private StreamingChatModel model(List<ChatModelListener> listeners) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("gpt-4o-mini")
                .listeners(listeners)
                .build();
    }

    private void stubHello() {
        openAi.chatStream(
                OpenAiStub.chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
                OpenAiStub.chunk("{\"content\":\"Hel\"}", null),
                OpenAiStub.chunk("{\"content\":\"lo!\"}", null),
                OpenAiStub.chunk("{}", "stop"),
                OpenAiStub.usageChunk());
    }

    /** Streams a call to completion and returns the partial responses the application received. */
    private static List<String> stream(StreamingChatModel model, CompletableFuture<Object> outcome) throws Exception {
        List<String> partials = new CopyOnWriteArrayList<>();
        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                outcome.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                outcome.complete(error);
            }
        });
        outcome.get(10, TimeUnit.SECONDS);
        return partials;
    }

    @Test
    void wrappedStreamRecordsStreamFlagTimeToFirstChunkAndTheFinalResponse() throws Exception {
        stubHello();
        StreamingChatModel model = telemetry.langChain4j(ContentCapture.SPAN_ONLY).wrap(model(List.of()));
        CompletableFuture<Object> outcome = new CompletableFuture<>();

        List<String> partials = stream(model, outcome);

        assertThat(partials).containsExactly("Hel", "lo!");
        assertThat(outcome.get()).isInstanceOf(ChatResponse.class);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull().isPositive()
                .isLessThanOrEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
        assertThat(attribute(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-stream1");
        assertThat(attribute(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hello!\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void wrappedStreamRecordsPerChunkTimeMetric() throws Exception {
        stubHello();
        StreamingChatModel model = telemetry.langChain4j().wrap(model(List.of()));

        stream(model, new CompletableFuture<>());

        telemetry.awaitSpan();
        assertThat(telemetry.metrics.collectAllMetrics())
                .extracting(metric -> metric.getName())
                .contains("gen_ai.client.inference.time_to_first_chunk", "gen_ai.client.inference.time_per_output_chunk");
    }

    @Test
    void listenerAloneEndsTheStreamedCallsSpanOnCompletionFromAnotherThread() throws Exception {
        stubHello();
        StreamingChatModel model = model(List.of(telemetry.langChain4j().chatModelListener()));

        stream(model, new CompletableFuture<>());

        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(attribute(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-stream1");
        assertThat(attribute(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
    }

    @Test
    void wrapperAndListenerTogetherRecordOneSpan() throws Exception {
        stubHello();
        LangChain4jTelemetry langChain4j = telemetry.langChain4j();
        StreamingChatModel model = langChain4j.wrap(model(List.of(langChain4j.chatModelListener())));

        stream(model, new CompletableFuture<>());

        Telemetry.sleep(200);
        List<SpanData> spans = telemetry.awaitSpans(1);
        assertThat(attribute(spans.get(0), GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attribute(spans.get(0), GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull();
    }

    @Test
    void failedStreamEndsSpanWithErrorTypeAndTheApplicationStillGetsTheError() throws Exception {
        openAi.chat(500, OpenAiStub.SERVER_ERROR);
        StreamingChatModel model = telemetry.langChain4j().wrap(model(List.of()));
        CompletableFuture<Object> outcome = new CompletableFuture<>();

        stream(model, outcome);

        assertThat(outcome.get()).isInstanceOf(Throwable.class);
        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("500");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
}
