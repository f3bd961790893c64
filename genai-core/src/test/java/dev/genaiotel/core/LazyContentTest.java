package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Providers hand content over as mappings; the core runs them only when something records content, once. */
class LazyContentTest {

    private final TelemetryFixture fixture = new TelemetryFixture();
    private final AtomicInteger mapped = new AtomicInteger();

    private <T> Supplier<List<T>> counted(List<T> value) {
        return () -> {
            mapped.incrementAndGet();
            return value;
        };
    }

    private void chat(GenAiTelemetry telemetry) {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(counted(List.<MessagePart>of(new MessagePart.Text("Be brief."))))
                .inputMessages(counted(List.of(InputMessage.text("user", "Weather in Paris?"))))
                .toolDefinitions(counted(List.of(new FunctionToolDefinition("get_weather", "Weather", null))))
                .build());
        inference.end(InferenceResponse.builder().responseId("resp-1")
                .outputMessages(counted(List.of(new OutputMessage("assistant",
                        List.of(new MessagePart.Text("Rainy.")), "stop"))))
                .build());
    }

    @Test
    void contentCaptureOffNeverRunsTheMappings() {
        chat(fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.NO_CONTENT)));

        SpanData span = fixture.onlySpan();
        assertThat(mapped).hasValue(0);
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("resp-1");
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void contentCaptureOnRunsEachMappingOnceForSpanAndEvent() {
        chat(fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_AND_EVENT)));

        SpanData span = fixture.onlySpan();
        assertThat(mapped).hasValue(4);
        assertThat(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS))
                .isEqualTo("[{\"type\":\"text\",\"content\":\"Be brief.\"}]");
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).contains("Weather in Paris?");
        assertThat(span.getAttributes().get(GEN_AI_TOOL_DEFINITIONS)).contains("get_weather");
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("Rainy.");
        assertThat(fixture.events()).hasSize(1);
    }

    @Test
    void aMappingThatThrowsCostsItsContentOnly() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY));
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(() -> {
                    throw new IllegalStateException("unreadable field");
                })
                .toolDefinitions(counted(List.of(new FunctionToolDefinition("get_weather", "Weather", null))))
                .build());
        inference.end(InferenceResponse.builder().responseId("resp-1").build());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o");
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(span.getAttributes().get(GEN_AI_TOOL_DEFINITIONS)).contains("get_weather");
    }

    @Test
    @SuppressWarnings("try")
    void aNestedLayersContentIsTakenWhenTheOuterHasNone() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY));
        Inference outer = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        try (var ignored = outer.makeCurrent()) {
            Inference inner = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                    .inputMessages(counted(List.of(InputMessage.text("user", "From the client layer"))))
                    .build());
            inner.end(InferenceResponse.empty());
        }
        outer.end(InferenceResponse.empty());

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).contains("From the client layer");
        assertThat(mapped).hasValue(1);
    }
}
