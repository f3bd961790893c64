package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.genaiotel.semconv.GenAiEvents;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Regression tests for defects found in review; each failed before its fix. */
class ReviewFindingsTest {

    private final TelemetryFixture fixture = new TelemetryFixture();

    @Test
    void fetchResponseSpanIsNamedAfterTheOperationOnly() {
        fixture.telemetry().startInference(InferenceRequest.builder(OperationName.FETCH_RESPONSE, "openai")
                        .model("gpt-4o").build())
                .end(InferenceResponse.metadata("resp_1", "gpt-4o-2024", null));

        assertThat(fixture.onlySpan().getName()).isEqualTo("fetch_response");
    }

    @Test
    @SuppressWarnings("try")
    void inferenceStartedInsideAToolThatRunsDuringAnInferenceIsNotMergedIntoIt() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference outer = telemetry.startInference(InferenceRequest.chat("openai", "planner-model").build());
        try (Scope outerScope = outer.makeCurrent()) {
            ToolExecution tool = telemetry.startToolExecution(ToolCall.function("summarise", null, null));
            try (Scope toolScope = tool.makeCurrent()) {
                telemetry.startInference(InferenceRequest.chat("openai", "summary-model").build())
                        .end(InferenceResponse.metadata("inner", null, null));
            }
            tool.end(null);
        }
        outer.end(InferenceResponse.metadata("outer", null, null));

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).extracting(SpanData::getName)
                .containsExactly("chat summary-model", "execute_tool summarise", "chat planner-model");
        assertThat(spans.get(0).getParentSpanId()).isEqualTo(spans.get(1).getSpanId());
    }

    @Test
    void streamAccumulatorIgnoresOutOfRangeIndexesInsteadOfThrowingIntoTheStream() {
        StreamAccumulator accumulator = new StreamAccumulator(true, 1000);

        assertThatCode(() -> accumulator
                .appendText(0, "ok")
                .appendText(Integer.MAX_VALUE, "x")
                .appendReasoning(Integer.MAX_VALUE - 1, "y")
                .finishReason(Integer.MAX_VALUE, "stop")
                .appendToolCall(0, Integer.MAX_VALUE, "id", "name", "{}")
                .finishReason(0, "stop"))
                .doesNotThrowAnyException();
        assertThat(accumulator.finishReasons()).containsExactly("stop");
        assertThat(accumulator.outputMessages()).hasSize(1);
    }

    @Test
    void streamAccumulatorDoesNotGrowForAHugeChoiceOrToolIndex() {
        StreamAccumulator accumulator = new StreamAccumulator(true, 1000);

        assertThatCode(() -> accumulator.finishReason(200_000_000, "stop")
                .appendToolCall(0, 200_000_000, "id", "name", "{}"))
                .doesNotThrowAnyException();

        assertThat(accumulator.finishReasons()).containsExactly("error");
        assertThat(accumulator.outputMessages().get(0).parts()).isEmpty();
    }

    @Test
    void eventSwitchThatIsInvalidFallsBackToTheDefaultOfTheModeSetInCode() {
        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(GenAiSettings.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        GenAiTelemetry telemetry;
        try {
            telemetry = fixture.builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT", "bogus"))
                    .setContentCapture(ContentCapture.EVENT_ONLY)
                    .build();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(telemetry.settings().emitEvent()).isTrue();
        assertThat(telemetry.settings().captureOnEvent()).isTrue();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getParameters()).contains("bogus", "the default for EVENT_ONLY");
    }

    @Test
    void failedOperationWithoutExceptionShowsNoResponseToListeners() {
        List<Object> seen = new ArrayList<>();
        GenAiTelemetry telemetry = fixture.builder().addListener(new GenAiListener() {
            @Override
            public void onError(GenAiOperation operation) {
                seen.add(operation.errorType());
                seen.add(String.valueOf(operation.response()));
            }
        }).build();

        telemetry.startInference(InferenceRequest.chat("openai", "m").build()).fail(null);

        assertThat(seen).containsExactly("_OTHER", "null");
    }

    @Test
    void evaluationForANullSpanContextIsRecordedWithoutParent() {
        GenAiTelemetry telemetry = fixture.telemetry();

        assertThatCode(() -> telemetry.recordEvaluation(EvaluationResult.of("Relevance", 1.0, null),
                (SpanContext) null)).doesNotThrowAnyException();

        List<LogRecordData> events = fixture.events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getEventName()).isEqualTo(GenAiEvents.GEN_AI_EVALUATION_RESULT);
        assertThat(events.get(0).getSpanContext().isValid()).isFalse();
    }

    @Test
    void choiceWithoutFinishReasonInANonStreamedResponseIsRecordedAsError() {
        List<String> reasons = java.util.Arrays.asList("end_turn", null);

        assertThatCode(() -> fixture.telemetry().startInference(InferenceRequest.chat("anthropic", "claude").build())
                .end(InferenceResponse.metadata("msg_1", null, reasons)))
                .doesNotThrowAnyException();

        assertThat(fixture.onlySpan().getAttributes()
                .get(dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS))
                .containsExactly("stop", "error");
    }
}
