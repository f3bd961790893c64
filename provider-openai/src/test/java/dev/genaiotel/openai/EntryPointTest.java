package dev.genaiotel.openai;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code OpenAITelemetry.create(GenAiTelemetry)}: the README's set-up line, and who owns the telemetry. */
class EntryPointTest extends WireMockFixture {

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Weather in Paris?").build();
    }

    @BeforeEach
    void stubChat() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);
    }

    @Test
    void createWithGenAiTelemetryRecordsContentByItsCaptureMode() {
        OpenAITelemetry.create(telemetry(ContentCapture.SPAN_ONLY)).wrap(rawClient).chat().completions()
                .create(params());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).contains("Weather in Paris?");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNotNull();
    }

    @Test
    void createWithGenAiTelemetryKeepsContentOffWhenItsModeIsOff() {
        OpenAITelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(rawClient).chat().completions()
                .create(params());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void genAiTelemetryIsTheOneGivenToCreate() {
        GenAiTelemetry shared = telemetry(ContentCapture.NO_CONTENT);

        assertThat(OpenAITelemetry.create(shared).genAiTelemetry()).isSameAs(shared);
    }

    @Test
    void genAiTelemetryOfCreateWithOpenTelemetryIsTheOneItRecordsThrough() {
        OpenAITelemetry instrumentation = OpenAITelemetry.create(sdk);
        instrumentation.genAiTelemetry().setEnabled(false);

        instrumentation.wrap(rawClient).chat().completions().create(params());

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        instrumentation.genAiTelemetry().close();
    }
}
