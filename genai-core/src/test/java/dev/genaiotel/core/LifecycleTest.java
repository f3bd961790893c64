package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.EXCEPTION_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_SCORE_LABEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_SCORE_VALUE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiEvents;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();

    @Test
    void disabledByBuilderEveryFactoryReturnsAPassThroughThatRecordsNothing() {
        GenAiTelemetry telemetry = fixture.builder().setEnabled(false).build();

        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        inference.onChunk(0, "x");
        inference.onChunk().appendText(0, "y").finishReason(0, "stop");
        try (Scope scope = inference.makeCurrent()) {
            assertThat(scope).isSameAs(Scope.noop());
        }
        inference.end();
        telemetry.startEmbeddings(EmbeddingsRequest.of("openai", "e")).end(null);
        telemetry.startToolExecution(ToolCall.function("t", null, null)).end(null);
        telemetry.startAgentInvocation(AgentRequest.local("a")).end(null);
        telemetry.startWorkflow(WorkflowRequest.named("w")).end(null);
        telemetry.startRetrieval(RetrievalRequest.of("p", "d", null, null)).end(null);

        assertThat(inference.isEnded()).isTrue();
        assertThat(fixture.spans.getFinishedSpanItems()).isEmpty();
        assertThat(fixture.allMetrics()).isEmpty();
    }

    @Test
    void disabledByEnvironmentRecordsNothing() {
        GenAiTelemetry telemetry =
                fixture.builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_ENABLED", "false")).build();
        telemetry.startInference(InferenceRequest.chat("openai", "m").build()).end();

        assertThat(telemetry.isEnabled()).isFalse();
        assertThat(fixture.spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void runtimeSwitchTurnsRecordingOffAndOnAgain() {
        GenAiTelemetry telemetry = fixture.telemetry();
        telemetry.setEnabled(false);
        telemetry.startInference(InferenceRequest.chat("openai", "off").build()).end();
        telemetry.setEnabled(true);
        telemetry.startInference(InferenceRequest.chat("openai", "on").build()).end();

        assertThat(fixture.onlySpan().getName()).isEqualTo("chat on");
    }

    @Test
    void noopOpenTelemetryGivesPassThroughInvocations() {
        GenAiTelemetry telemetry = GenAiTelemetry.builder(OpenTelemetry.noop()).setServiceLoaderListeners(false)
                .setSettingsSources(k -> null, k -> null).build();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());

        assertThat(inference).isSameAs(telemetry.startInference(InferenceRequest.chat("openai", "n").build()));
        assertThat(inference.spanContext().isValid()).isFalse();
    }

    @Test
    @SuppressWarnings("try")
    void makeCurrentParentsTheClientsOwnSpans() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        try (Scope ignored = inference.makeCurrent()) {
            fixture.sdk.getTracer("http").spanBuilder("POST").startSpan().end();
        }
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        inference.end();

        SpanData http = fixture.spans.getFinishedSpanItems().get(0);
        assertThat(http.getParentSpanId()).isEqualTo(inference.spanContext().getSpanId());
    }

    @Test
    void asyncWorkEndsTheInferenceOnAnotherThread() throws Exception {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        CompletableFuture.runAsync(inference.context().wrap(() -> {
            assertThat(Span.current().getSpanContext()).isEqualTo(inference.spanContext());
            inference.end(InferenceResponse.metadata("async-1", null, List.of("stop")));
        })).get();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("async-1");
    }

    @Test
    void closeEndsWithTheRecordedResponse() {
        GenAiTelemetry telemetry = fixture.telemetry();
        try (Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build())) {
            inference.recordResponse(InferenceResponse.metadata("r-1", "m-1", List.of("stop")));
        }

        SpanData span = fixture.onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void closeWithoutAnOutcomeMarksTheOperationFailedWithOther() {
        GenAiTelemetry telemetry = fixture.telemetry();
        try (ToolExecution ignored = telemetry.startToolExecution(ToolCall.function("t", null, null))) {
            assertThat(ignored.isEnded()).isFalse();
        }

        SpanData span = fixture.onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("_OTHER");
    }

    @Test
    void closeAfterEndChangesNothing() {
        GenAiTelemetry telemetry = fixture.telemetry();
        try (Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build())) {
            inference.end();
        }

        assertThat(fixture.onlySpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void batchIsOneSpanWithBatchCallbacksAndMergedResponses() {
        List<String> calls = new ArrayList<>();
        GenAiTelemetry telemetry = fixture.builder().addListener(new GenAiListener() {
            @Override
            public void onStart(GenAiOperation operation) {
                calls.add("start");
            }

            @Override
            public void onBatchStart(GenAiOperation operation) {
                calls.add("batch start " + operation.batchSize());
            }

            @Override
            public void onBatchEnd(GenAiOperation operation) {
                calls.add("batch end");
            }
        }).build();

        telemetry.startInferenceBatch(InferenceRequest.builder("text_completion", "openai").model("m").build(), 2)
                .end(List.of(
                        InferenceResponse.builder().responseId("a").finishReasons(List.of("stop"))
                                .usage(TokenUsage.of(3, 4)).build(),
                        InferenceResponse.builder().finishReasons(List.of("length")).usage(TokenUsage.of(5, 6))
                                .build()));

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("a");
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop", "length");
        assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
        assertThat(calls).containsExactly("batch start 2", "batch end");
    }

    @Test
    void listenersReadEachOperationsRequestAndResponseAsItsOwnType() {
        List<String> seen = new ArrayList<>();
        GenAiTelemetry telemetry = fixture.builder().addListener(new GenAiListener() {
            @Override
            public void onEnd(GenAiOperation operation) {
                GenAiRequest request = operation.request();
                if (request instanceof InferenceRequest inference) {
                    seen.add("inference " + inference.model() + " "
                            + operation.responseAs(InferenceResponse.class).orElseThrow().responseId());
                } else if (request instanceof EmbeddingsRequest embeddings) {
                    seen.add("embeddings " + embeddings.model() + " "
                            + operation.responseAs(EmbeddingsResponse.class).orElseThrow().inputTokens());
                } else if (request instanceof ToolCall tool) {
                    seen.add("tool " + tool.name() + " " + operation.responseAs(String.class).orElseThrow());
                }
                seen.add("as inference: " + operation.requestAs(InferenceRequest.class).isPresent()
                        + ", as embeddings response: " + operation.responseAs(EmbeddingsResponse.class).isPresent());
            }

            @Override
            public void onError(GenAiOperation operation) {
                seen.add("failed " + operation.requestAs(InferenceRequest.class).orElseThrow().model()
                        + " response present: " + operation.responseAs(Object.class).isPresent());
            }
        }).build();

        telemetry.startInference(InferenceRequest.chat("openai", "m").build())
                .end(InferenceResponse.metadata("r-1", "m", List.of("stop")));
        telemetry.startEmbeddings(EmbeddingsRequest.of("openai", "e")).end(EmbeddingsResponse.of("e", 7L));
        telemetry.startToolExecution(ToolCall.function("get_weather", "c-1", null)).end("rainy");
        telemetry.startInference(InferenceRequest.chat("openai", "broken").build())
                .fail(new IllegalStateException("boom"));

        assertThat(seen).containsExactly(
                "inference m r-1", "as inference: true, as embeddings response: false",
                "embeddings e 7", "as inference: false, as embeddings response: true",
                "tool get_weather rainy", "as inference: false, as embeddings response: false",
                "failed broken response present: false");
    }

    @Test
    void evaluationOfALiveInferenceIsParentedToItsSpan() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        inference.recordEvaluation(EvaluationResult.of("Relevance", 4.0, "relevant"));
        inference.end();

        LogRecordData event = fixture.events().get(0);
        assertThat(event.getEventName()).isEqualTo(GenAiEvents.GEN_AI_EVALUATION_RESULT);
        assertThat(event.getSpanContext()).isEqualTo(inference.spanContext());
        assertThat(event.getAttributes().get(GEN_AI_EVALUATION_NAME)).isEqualTo("Relevance");
        assertThat(event.getAttributes().get(GEN_AI_EVALUATION_SCORE_VALUE)).isEqualTo(4.0);
        assertThat(event.getAttributes().get(GEN_AI_EVALUATION_SCORE_LABEL)).isEqualTo("relevant");
    }

    @Test
    void feedbackAfterTheFactIsParentedToTheEarlierSpanByIds() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
        inference.end();
        SpanContext earlier = inference.spanContext();

        telemetry.recordEvaluation(EvaluationResult.of("Helpfulness", null, "pass"), earlier.getTraceId(),
                earlier.getSpanId());

        LogRecordData event = fixture.events().get(0);
        assertThat(event.getSpanContext().getTraceId()).isEqualTo(earlier.getTraceId());
        assertThat(event.getSpanContext().getSpanId()).isEqualTo(earlier.getSpanId());
    }

    @Test
    void feedbackByResponseIdCarriesTheIdAndNoParent() {
        fixture.telemetry().recordEvaluation(EvaluationResult.of("Correctness", 0.0, "incorrect")
                .withResponseId("chatcmpl-7"));

        LogRecordData event = fixture.events().get(0);
        assertThat(event.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-7");
        assertThat(event.getSpanContext().isValid()).isFalse();
    }

    @Test
    void exceptionEventIsEmittedOnlyWhenSwitchedOn() {
        fixture.telemetry().startInference(InferenceRequest.chat("openai", "m").build())
                .fail(new IllegalStateException("x"));
        assertThat(fixture.events()).isEmpty();

        fixture.builder().setEmitExceptionEvent(true).build()
                .startInference(InferenceRequest.chat("openai", "m").build()).fail(new IllegalStateException("y"));

        LogRecordData event = fixture.events().get(0);
        assertThat(event.getEventName()).isEqualTo(GenAiEvents.GEN_AI_CLIENT_OPERATION_EXCEPTION);
        assertThat(event.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(event.getAttributes().get(EXCEPTION_TYPE)).isEqualTo("java.lang.IllegalStateException");
    }
}
