package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** {@code BedrockTelemetry.create(GenAiTelemetry)}: the README's set-up line, and who owns the telemetry. */
class EntryPointTest extends BedrockFixture {

    @Test
    void createWithGenAiTelemetryRecordsContentByItsCaptureMode() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient client = syncClient(BedrockTelemetry.create(genAi(ContentCapture.SPAN_ONLY))
                .newExecutionInterceptor());

        client.converse(ConverseTest.simpleRequest());

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo(ConverseTest.MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).contains("What is the capital of France?");
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).contains("Paris is the capital of France.");
    }

    @Test
    void createWithGenAiTelemetryKeepsContentOffWhenItsModeIsOff() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient client = syncClient(BedrockTelemetry.create(genAi(ContentCapture.NO_CONTENT))
                .newExecutionInterceptor());

        client.converse(ConverseTest.simpleRequest());

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo(ConverseTest.MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void genAiTelemetryIsTheOneGivenToCreate() {
        GenAiTelemetry shared = genAi(ContentCapture.NO_CONTENT);

        assertThat(BedrockTelemetry.create(shared).genAiTelemetry()).isSameAs(shared);
    }

    @Test
    void genAiTelemetryOfCreateWithOpenTelemetryIsTheOneItRecordsThrough() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockTelemetry telemetry = BedrockTelemetry.create(sdk);
        telemetry.genAiTelemetry().setEnabled(false);

        syncClient(telemetry.newExecutionInterceptor()).converse(ConverseTest.simpleRequest());

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        telemetry.genAiTelemetry().close();
    }
}
