package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * ConverseStream through the real async client (Netty, HTTP/1.1) with binary event-stream responses: every exit
 * path ends the span, and the application's handler sees exactly what the uninstrumented client gives it.
 */
class ConverseStreamTest extends BedrockFixture {

    static final String MODEL = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    static ConverseStreamRequest request() {
        return ConverseStreamRequest.builder().modelId(MODEL)
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("Say hello to the world.")).build())
                .inferenceConfig(c -> c.maxTokens(100))
                .build();
    }

    static EventStreams textStream() {
        return EventStreams.builder()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\", world!\"}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("messageStop", "{\"stopReason\":\"end_turn\"}")
                .event("metadata", "{\"usage\":{\"inputTokens\":11,\"outputTokens\":4,\"totalTokens\":15,"
                        + "\"cacheReadInputTokens\":100},\"metrics\":{\"latencyMs\":233}}");
    }

    RecordingConverseHandler run(BedrockRuntimeAsyncClient client, RecordingConverseHandler.Mode mode) {
        RecordingConverseHandler handler = new RecordingConverseHandler(mode);
        CompletableFuture<Void> future = client.converseStream(request(), handler);
        if (mode == RecordingConverseHandler.Mode.DRAIN
                || mode == RecordingConverseHandler.Mode.ONE_BY_ONE_FROM_ANOTHER_THREAD) {
            catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        }
        return handler;
    }

    @Test
    void completedStreamRecordsContentUsageAndTimeToFirstChunk() throws Exception {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(handler.text()).isEqualTo("Hello, world!");
        assertThat(handler.events).hasSize(6);
        assertThat(handler.completed).isTrue();
        assertThat(handler.error.get()).isNull();
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull().isPositive();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(111L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(100L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
        JsonNode output = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(output.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Hello, world!");
        assertThat(output.get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void streamRequestRecordsParametersGuardrailAndInputContent() throws Exception {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        client.converseStream(request().toBuilder()
                        .system(software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock
                                .fromText("Be cheerful."))
                        .inferenceConfig(c -> c.maxTokens(64).temperature(0.2f))
                        .guardrailConfig(g -> g.guardrailIdentifier("gr-stream-1").guardrailVersion("DRAFT"))
                        .build(),
                new RecordingConverseHandler(RecordingConverseHandler.Mode.DRAIN)).get(10, TimeUnit.SECONDS);

        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(64L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).as("0.2f recorded as written")
                .isEqualTo(0.2);
        assertThat(attr(span, GenAiAttributes.AWS_BEDROCK_GUARDRAIL_ID)).isEqualTo("gr-stream-1");
        JsonNode system = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS));
        assertThat(system.get(0).get("content").asText()).isEqualTo("Be cheerful.");
        JsonNode input = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES));
        assertThat(input.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Say hello to the world.");
    }

    @Test
    void demandFromAnotherThreadPassesThroughUntouched() {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.ONE_BY_ONE_FROM_ANOTHER_THREAD);

        assertThat(handler.events).hasSize(6);
        assertThat(handler.text()).isEqualTo("Hello, world!");
        assertThat(handler.completed).isTrue();
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void streamedToolUseIsAssembledFromItsFragments() throws Exception {
        stubEventStream("converse-stream", EventStreams.builder()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Checking.\"}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":"
                        + "{\"toolUseId\":\"tooluse_Qx1\",\"name\":\"get_weather\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":"
                        + "{\"input\":\"{\\\"city\\\":\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":"
                        + "{\"input\":\"\\\"Paris\\\"}\"}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":1}")
                .event("messageStop", "{\"stopReason\":\"tool_use\"}")
                .event("metadata", "{\"usage\":{\"inputTokens\":50,\"outputTokens\":20,\"totalTokens\":70},"
                        + "\"metrics\":{\"latencyMs\":100}}")
                .build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        run(client, RecordingConverseHandler.Mode.DRAIN);

        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        JsonNode parts = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).get(0).get("parts");
        assertThat(parts.get(0).get("content").asText()).isEqualTo("Checking.");
        assertThat(parts.get(1).get("type").asText()).isEqualTo("tool_call");
        assertThat(parts.get(1).get("id").asText()).isEqualTo("tooluse_Qx1");
        assertThat(parts.get(1).get("name").asText()).isEqualTo("get_weather");
        assertThat(parts.get(1).get("arguments").get("city").asText()).isEqualTo("Paris");
    }

    @Test
    void contentIsNotRecordedWhenCaptureIsOff() {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(handler.text()).isEqualTo("Hello, world!");
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
    }

    @Test
    void errorEventInsideTheStreamFailsTheSpanWithTheAwsCode() {
        stubEventStream("converse-stream", EventStreams.builder()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}")
                .exception("throttlingException", "Too many tokens, please wait before trying again.")
                .build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(handler.error.get()).isInstanceOf(ThrottlingException.class);
        assertThat(handler.text()).isEqualTo("Hel");
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isEqualTo("ThrottlingException");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void httpErrorBeforeTheStreamFailsTheSpan() {
        stubError("converse-stream", 400, "ValidationException", "Malformed input request");
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(handler.error.get()).hasMessageContaining("Malformed input request");
        assertThat(attr(awaitOnlySpan(), GenAiAttributes.ERROR_TYPE)).isEqualTo("ValidationException");
    }

    @Test
    void streamCancelledByTheApplicationEndsTheSpan() {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.CANCEL_AFTER_FIRST);

        SpanData span = awaitOnlySpan();
        assertThat(handler.events).hasSize(1);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull();
        assertThat(span.hasEnded()).isTrue();
    }

    @Test
    void streamAbandonedWithoutSubscribingStillEndsTheSpan() {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.IGNORE);
        await(handler.streamReceived::get);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            sleep(20);
        }
        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isEqualTo("stream_abandoned");
        assertThat(handler.events).isEmpty();
    }

    @Test
    void outOfOrderRepeatedAndBogusEventsNeitherThrowNorLoseTheStream() {
        EventStreams stream = EventStreams.builder()
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"early \"}}")
                .event("metadata", "{\"usage\":{\"inputTokens\":5,\"outputTokens\":2,\"totalTokens\":7},"
                        + "\"metrics\":{\"latencyMs\":1}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":2147483647,\"delta\":{\"toolUse\":"
                        + "{\"input\":\"{}\"}}}")
                .event("contentBlockStart", "{\"contentBlockIndex\":-4,\"start\":{\"toolUse\":"
                        + "{\"toolUseId\":\"x\",\"name\":\"y\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{}}")
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockStop", "{\"contentBlockIndex\":9}")
                .event("someFutureEvent", "{\"anything\":true}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"late\"}}");
        stubEventStream("converse-stream", stream.build());
        BedrockRuntimeAsyncClient raw = asyncClient();
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler expected = run(raw, RecordingConverseHandler.Mode.DRAIN);
        RecordingConverseHandler actual = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(actual.events).isEqualTo(expected.events);
        assertThat(actual.error.get()).isNull();
        assertThat(actual.completed).isTrue();
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("error");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
    }

    @Test
    void corruptFrameReachesTheApplicationExactlyAsWithoutInstrumentation() {
        stubEventStream("converse-stream", textStream().buildCorrupted());
        BedrockRuntimeAsyncClient raw = asyncClient();
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler expected = run(raw, RecordingConverseHandler.Mode.DRAIN);
        RecordingConverseHandler actual = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(expected.error.get()).isNotNull();
        assertThat(actual.error.get()).isInstanceOf(expected.error.get().getClass());
        assertThat(actual.events).isEqualTo(expected.events);
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isNotBlank();
    }

    @Test
    void truncatedStreamReachesTheApplicationExactlyAsWithoutInstrumentation() {
        stubEventStream("converse-stream", textStream().buildTruncated(7));
        BedrockRuntimeAsyncClient raw = asyncClient();
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        RecordingConverseHandler expected = run(raw, RecordingConverseHandler.Mode.DRAIN);
        RecordingConverseHandler actual = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(actual.events).isEqualTo(expected.events);
        assertThat(actual.completed.get()).isEqualTo(expected.completed.get());
        assertThat(actual.error.get() == null).isEqualTo(expected.error.get() == null);
        SpanData span = awaitOnlySpan();
        assertThat(span.hasEnded()).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void interceptorAloneStillRecordsAStreamSpanAndWarnsOnce() {
        stubEventStream("converse-stream", textStream().build());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING && record.getMessage().contains("wrap(asyncClient)")) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("dev.genaiotel.bedrock");
        logger.addHandler(capture);
        try {
            BedrockTelemetry telemetry = bedrock(ContentCapture.SPAN_ONLY);
            BedrockRuntimeAsyncClient client = asyncClient(telemetry.newExecutionInterceptor());

            RecordingConverseHandler first = run(client, RecordingConverseHandler.Mode.DRAIN);
            run(client, RecordingConverseHandler.Mode.DRAIN);

            assertThat(first.text()).isEqualTo("Hello, world!");
            await(() -> spans.getFinishedSpanItems().size() == 2);
            SpanData span = spans.getFinishedSpanItems().get(0);
            assertThat(span.getName()).isEqualTo("chat " + MODEL);
            assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
            assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
            assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getMessage()).contains("ConverseStream").contains("bedrockTelemetry.wrap");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void interceptorAloneRecordsAnErrorEventAsAFailure() {
        stubEventStream("converse-stream", EventStreams.builder()
                .event("messageStart", "{\"role\":\"assistant\"}")
                .exception("modelStreamErrorException", "The model stream failed.")
                .build());
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.DRAIN);

        assertThat(handler.error.get()).hasMessageContaining("The model stream failed.");
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isEqualTo("ModelStreamErrorException");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void interceptorAloneEndsTheSpanWhenTheApplicationCancels() {
        stubEventStream("converse-stream", textStream().build());
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        RecordingConverseHandler handler = run(client, RecordingConverseHandler.Mode.CANCEL_AFTER_FIRST);

        SpanData span = awaitOnlySpan();
        assertThat(handler.events).hasSize(1);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
    }

    @Test
    void interceptorAndWrapperTogetherRecordOneStreamSpan() {
        stubEventStream("converse-stream", textStream().build());
        BedrockTelemetry telemetry = bedrock(ContentCapture.SPAN_ONLY);
        BedrockRuntimeAsyncClient client = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        run(client, RecordingConverseHandler.Mode.DRAIN);

        SpanData span = awaitOnlySpan();
        sleep(100);
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull();
    }
}
