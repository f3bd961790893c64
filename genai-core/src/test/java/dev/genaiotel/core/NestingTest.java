package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

class NestingTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();
    private final GenAiTelemetry telemetry = fixture.telemetry();

    @Test
    @SuppressWarnings("try")
    void nestedInferenceOfTheSameCallMakesOneSpanEnrichedByTheInnerLayer() {
        Inference framework = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        try (Scope ignored = framework.makeCurrent()) {
            Inference client = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                    .server("api.openai.com", 443L).build());
            try (Scope inner = client.makeCurrent()) {
                assertThat(Span.current().getSpanContext()).isEqualTo(framework.spanContext());
            }
            client.end(InferenceResponse.builder().responseId("chatcmpl-1").usage(TokenUsage.of(9, 3)).build());
        }
        framework.end(InferenceResponse.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-1");
        assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
        assertThat(span.getAttributes().get(SERVER_ADDRESS)).isEqualTo("api.openai.com");
        long durations = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name()).getHistogramData()
                .getPoints().stream().mapToLong(HistogramPointData::getCount).sum();
        assertThat(durations).isEqualTo(1);
        long tokenPoints = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name()).getHistogramData()
                .getPoints().stream().mapToLong(HistogramPointData::getCount).sum();
        assertThat(tokenPoints).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("try")
    void inferenceAfterTheOuterOneEndedGetsItsOwnSpan() {
        Inference first = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        try (Scope ignored = first.makeCurrent()) {
            first.end();
            telemetry.startInference(InferenceRequest.chat("openai", "m").build()).end();
        }

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
    }

    @Test
    @SuppressWarnings("try")
    void inferenceInsideAToolExecutionIsNotNested() {
        ToolExecution tool = telemetry.startToolExecution(ToolCall.function("t", null, null));
        try (Scope ignored = tool.makeCurrent()) {
            telemetry.startInference(InferenceRequest.chat("openai", "m").build()).end();
        }
        tool.end(null);

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
        SpanData inference = fixture.spans.getFinishedSpanItems().get(0);
        assertThat(inference.getParentSpanId()).isEqualTo(tool.spanContext().getSpanId());
    }
}
