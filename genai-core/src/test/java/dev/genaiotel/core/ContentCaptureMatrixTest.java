package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiEvents;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capture mode x event switch matrix (README, "Configuration"), read from the environment. */
class ContentCaptureMatrixTest {

    private static final AttributeKey<Value<?>> INPUT_VALUE = AttributeKey.valueKey(GEN_AI_INPUT_MESSAGES.getKey());
    private static final AttributeKey<Value<?>> OUTPUT_VALUE = AttributeKey.valueKey(GEN_AI_OUTPUT_MESSAGES.getKey());

    @ParameterizedTest(name = "capture={0} emit_event={1} -> span content {2}, event {3}, event content {4}")
    @CsvSource(nullValues = "unset", value = {
        "unset,          unset, false, false, false",
        "unset,          true,  false, true,  false",
        "unset,          false, false, false, false",
        "NO_CONTENT,     unset, false, false, false",
        "NO_CONTENT,     true,  false, true,  false",
        "NO_CONTENT,     false, false, false, false",
        "bogus,          unset, false, false, false",
        "bogus,          true,  false, true,  false",
        "SPAN_ONLY,      unset, true,  false, false",
        "SPAN_ONLY,      true,  true,  true,  false",
        "SPAN_ONLY,      false, true,  false, false",
        "EVENT_ONLY,     unset, false, true,  true",
        "EVENT_ONLY,     true,  false, true,  true",
        "EVENT_ONLY,     false, false, false, false",
        "SPAN_AND_EVENT, unset, true,  true,  true",
        "SPAN_AND_EVENT, true,  true,  true,  true",
        "SPAN_AND_EVENT, false, true,  false, false",
        "span_and_event, unset, true,  true,  true",
        "true,           unset, true,  false, false",
        "false,          true,  false, true,  false",
        "SPAN_ONLY,      bogus, true,  false, false",
        "EVENT_ONLY,     bogus, false, true,  true",
    })
    void contentGoesWhereTheModeAndEventSwitchSay(
            String capture, String emitEvent, boolean spanContent, boolean event, boolean eventContent) {
        Map<String, String> environment = new HashMap<>();
        if (capture != null) {
            environment.put("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", capture);
        }
        if (emitEvent != null) {
            environment.put("OTEL_INSTRUMENTATION_GENAI_EMIT_EVENT", emitEvent);
        }
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder(Map.of(), environment).build();

        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("Be brief.")))
                .inputMessages(List.of(InputMessage.text("user", "Weather in Paris?")))
                .toolDefinitions(List.of(new FunctionToolDefinition("get_weather", "Weather", null)))
                .build());
        inference.end(InferenceResponse.builder()
                .responseId("resp-1")
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text("Rainy.")),
                        "stop")))
                .build());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES) != null).isEqualTo(spanContent);
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES) != null).isEqualTo(spanContent);
        assertThat(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS) != null).isEqualTo(spanContent);
        assertThat(span.getAttributes().get(GEN_AI_TOOL_DEFINITIONS) != null).isEqualTo(spanContent);
        if (spanContent) {
            assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES))
                    .isEqualTo("[{\"role\":\"user\",\"parts\":"
                            + "[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]");
        }

        List<LogRecordData> events = fixture.events();
        assertThat(events).hasSize(event ? 1 : 0);
        if (event) {
            LogRecordData details = events.get(0);
            assertThat(details.getEventName()).isEqualTo(GenAiEvents.GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS);
            assertThat(details.getSpanContext()).isEqualTo(span.getSpanContext());
            assertThat(details.getAttributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("chat");
            assertThat(details.getAttributes().get(GEN_AI_RESPONSE_ID)).isEqualTo("resp-1");
            assertThat(details.getAttributes().get(INPUT_VALUE) != null).isEqualTo(eventContent);
            assertThat(details.getAttributes().get(OUTPUT_VALUE) != null).isEqualTo(eventContent);
            assertThat(details.getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
            if (eventContent) {
                assertThat(details.getAttributes().asMap().keySet())
                        .filteredOn(key -> key.getKey().equals(GEN_AI_INPUT_MESSAGES.getKey()))
                        .extracting(AttributeKey::getType)
                        .containsExactly(AttributeType.VALUE);
            }
        }
    }
}
