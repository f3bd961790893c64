package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();

    @Test
    void genericTextAndAStreamedBlobBecomeTheChoicesPartsInTheNonStreamedOrder() {
        StreamAccumulator accumulator = new StreamAccumulator(true, 1000, 16);

        accumulator.appendText(0, "Here").appendGenericText(0, "refusal", "I can").appendToolCall(0, 0, "c1", "f", "{}")
                .appendGenericText(0, "refusal", "not").appendBlobText(0, "Hi").appendBlob(0, "audio/wav", "audio",
                        new byte[] {1, 2}).appendBlob(0, null, "audio", new byte[] {3}).finishReason(0, "stop");

        assertThat(accumulator.outputMessages()).hasSize(1);
        List<MessagePart> parts = accumulator.outputMessages().get(0).parts();
        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)).isEqualTo(new MessagePart.Text("Here"));
        assertThat(parts.get(1)).isEqualTo(new MessagePart.GenericPart("refusal", Map.of("content", "I cannot")));
        assertThat(parts.get(2)).isInstanceOf(MessagePart.ToolCallRequest.class);
        assertThat(parts.get(3)).isEqualTo(new MessagePart.Blob("audio/wav", "audio", new byte[] {1, 2, 3}));
        assertThat(accumulator.truncated()).isFalse();
    }

    @Test
    void aBlobLargerThanItsBudgetIsDescribedBySizeAndMarksTheContentTruncated() {
        GenAiTelemetry telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY).setBlobMaxBytes(2)
                .build();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").stream(true).build());

        inference.onChunk().appendBlob(0, "audio/pcm", "audio", new byte[] {1, 2});
        inference.onChunk().appendBlob(0, null, "audio", new byte[] {3}).finishReason(0, "stop");
        inference.end();

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"omitted_blob\",\"mime_type\":\"audio/pcm\",\"modality\":\"audio\",\"size\":3}],"
                + "\"finish_reason\":\"stop\"}]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void blobTextStandsForABlobWithoutBytesAndCountsAsTruncatedOnlyThen() {
        StreamAccumulator withoutBytes = new StreamAccumulator(true, 3, 16).appendBlobText(0, "Hello");
        assertThat(withoutBytes.outputMessages().get(0).parts()).containsExactly(new MessagePart.Text("Hel"));
        assertThat(withoutBytes.truncated()).isTrue();

        StreamAccumulator withBytes = new StreamAccumulator(true, 3, 16).appendBlobText(0, "Hello")
                .appendBlob(0, "audio/wav", "audio", new byte[] {1});
        assertThat(withBytes.outputMessages().get(0).parts())
                .containsExactly(new MessagePart.Blob("audio/wav", "audio", new byte[] {1}));
        assertThat(withBytes.truncated()).isFalse();
    }

    @Test
    void interleavedChoicesAndToolCallFragmentsBuildOneOutputMessagePerChoice() throws InterruptedException {
        GenAiTelemetry telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY).build();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").stream(true)
                .choiceCount(2L).build());

        inference.onChunk().responseId("chatcmpl-9").responseModel("gpt-4o-2024").appendText(0, "Hel");
        Thread.sleep(2);
        inference.onChunk().appendToolCall(1, 0, "call_a", "get_weather", "{\"ci");
        inference.onChunk(0, "lo");
        inference.onChunk().appendToolCall(1, 1, "call_b", "get_time", "{}")
                .appendToolCall(1, 0, null, null, "ty\":\"Paris\"}");
        inference.onChunk().appendReasoning(0, "greet").finishReason(0, "stop").finishReason(1, "tool_calls")
                .usage(TokenUsage.of(12, 7));
        inference.end();

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-9");
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-2024");
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop", "tool_call");
        assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(span.getAttributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
        double ttft = span.getAttributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK);
        assertThat(ttft).isGreaterThan(0.0).isLessThan((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).isEqualTo("["
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"greet\"},"
                + "{\"type\":\"text\",\"content\":\"Hello\"}],\"finish_reason\":\"stop\"},"
                + "{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"tool_call\",\"id\":\"call_a\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}},"
                + "{\"type\":\"tool_call\",\"id\":\"call_b\",\"name\":\"get_time\",\"arguments\":{}}],"
                + "\"finish_reason\":\"tool_call\"}]");
    }

    @Test
    void streamRecordsTimeToFirstChunkOnceAndTimePerChunkForEveryLaterChunk() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").stream(true).build());
        for (int i = 0; i < 4; i++) {
            inference.onChunk(0, "x");
        }
        inference.end();

        HistogramPointData first = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK.name())
                .getHistogramData().getPoints().iterator().next();
        HistogramPointData perChunk = fixture.metric(
                        GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.name())
                .getHistogramData().getPoints().iterator().next();
        assertThat(first.getCount()).isEqualTo(1);
        assertThat(perChunk.getCount()).isEqualTo(3);
    }

    @Test
    void nonStreamedInferenceRecordsNoChunkMetricsOrStreamAttributes() {
        fixture.telemetry().startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK.name())).isNull();
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.name())).isNull();
    }

    @Test
    void choiceThatStartedButNeverFinishedIsReportedAsError() {
        Inference inference = fixture.telemetry().startInference(InferenceRequest.chat("openai", "m").build());
        inference.onChunk().appendText(0, "a").finishReason(0, "length");
        inference.onChunk().appendText(1, "b");
        inference.fail(new java.io.InterruptedIOException("cancelled"));

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS))
                .containsExactly("length", "error");
    }

    @Test
    void accumulationStopsAtTheContentBudgetAndMarksTheCut() {
        GenAiTelemetry telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxContentChars(5).build();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        inference.onChunk(0, "abc");
        inference.onChunk(0, "defgh");
        inference.onChunk(0, "ijk");
        inference.onChunk().finishReason(0, "stop");
        inference.end();

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("\"content\":\"abcde\"");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void withContentOffNoTextIsAccumulatedButMetadataIs() {
        StreamAccumulator accumulator = new StreamAccumulator(false, 1000);
        accumulator.appendText(0, "secret").appendToolCall(0, 0, "c", "t", "{}").finishReason(0, "end_turn")
                .responseId("r");

        assertThat(accumulator.outputMessages()).isEmpty();
        assertThat(accumulator.finishReasons()).containsExactly("stop");
        assertThat(accumulator.toResponse().responseId()).isEqualTo("r");
        assertThat(accumulator.truncated()).isFalse();
    }

    @Test
    void explicitResponseValuesWinOverAccumulatedOnes() {
        GenAiTelemetry telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY).build();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        inference.onChunk().responseId("from-stream").appendText(0, "streamed").finishReason(0, "stop");
        inference.end(InferenceResponse.builder().responseId("from-response")
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text("given")),
                        "stop")))
                .build());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("from-response");
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("given").doesNotContain("streamed");
    }

    @Test
    void chunksAfterTheEndAreIgnored() {
        Inference inference = fixture.telemetry().startInference(InferenceRequest.chat("openai", "m").build());
        inference.onChunk(0, "a");
        inference.end();
        inference.onChunk(0, "b");
        inference.onChunk(0, "c");

        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK.name())).isNull();
        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(1);
    }
}
