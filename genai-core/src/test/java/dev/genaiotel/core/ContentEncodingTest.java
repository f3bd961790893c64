package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.AbstractMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentEncodingTest {

    /** A map that counts every attempt to read its entries, as an encoder would. */
    static final class CountingMap extends AbstractMap<String, Object> {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Set<Entry<String, Object>> entrySet() {
            reads.incrementAndGet();
            throw new AssertionError("content was encoded");
        }

        @Override
        public String toString() {
            reads.incrementAndGet();
            return "counted";
        }
    }

    @Test
    void withCaptureOffNoMessageIsEverEncoded() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder().setEmitEvent(true).build();
        CountingMap arguments = new CountingMap();
        CountingMap result = new CountingMap();
        InputMessage message = new InputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest("call_1", "get_weather", arguments)));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").inputMessages(List.of(message)).build())
                .end(InferenceResponse.empty());
        telemetry.startToolExecution(ToolCall.function("get_weather", "call_1", arguments)).end(result);

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
        assertThat(fixture.events()).hasSize(1);
        assertThat(arguments.reads).hasValue(0);
        assertThat(result.reads).hasValue(0);
    }

    @Test
    void toolArgumentsAndResultAreRecordedWithCaptureOn() {
        TelemetryFixture fixture = new TelemetryFixture();
        GenAiTelemetry telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY).build();

        telemetry.startToolExecution(ToolCall.function("get_weather", "call_1", "{\"city\":\"Paris\"}"))
                .end(java.util.Map.of("temperature", 12));

        assertThat(fixture.onlySpan().getAttributes().asMap())
                .containsEntry(dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS, "{\"city\":\"Paris\"}")
                .containsEntry(dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT, "{\"temperature\":12}");
    }
}
