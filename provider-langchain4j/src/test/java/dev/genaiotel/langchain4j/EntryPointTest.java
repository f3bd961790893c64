package dev.genaiotel.langchain4j;

import static dev.genaiotel.langchain4j.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code LangChain4jTelemetry.create(GenAiTelemetry)}: the README's set-up line, and who owns the telemetry. */
class EntryPointTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private ChatModel model(ChatModelListener listener) {
        return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o-mini")
                .maxRetries(0).listeners(List.of(listener)).build();
    }

    @Test
    void createWithGenAiTelemetryRecordsContentByItsCaptureMode() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);

        model(LangChain4jTelemetry.create(telemetry.genAi(ContentCapture.SPAN_ONLY)).chatModelListener())
                .chat(UserMessage.from("What is the capital of France?"));

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).contains("What is the capital of France?");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).contains("The capital of France is Paris.");
    }

    @Test
    void createWithGenAiTelemetryKeepsContentOffWhenItsModeIsOff() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);

        model(LangChain4jTelemetry.create(telemetry.genAi(ContentCapture.NO_CONTENT)).chatModelListener())
                .chat(UserMessage.from("What is the capital of France?"));

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void genAiTelemetryIsTheOneGivenToCreate() {
        GenAiTelemetry shared = telemetry.genAi(ContentCapture.NO_CONTENT);

        assertThat(LangChain4jTelemetry.create(shared).genAiTelemetry()).isSameAs(shared);
    }

    @Test
    void genAiTelemetryOfCreateWithOpenTelemetryIsTheOneItRecordsThrough() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        LangChain4jTelemetry instrumentation = LangChain4jTelemetry.create(telemetry.sdk);
        instrumentation.genAiTelemetry().setEnabled(false);

        model(instrumentation.chatModelListener()).chat(UserMessage.from("What is the capital of France?"));

        assertThat(telemetry.spans.getFinishedSpanItems()).isEmpty();
        instrumentation.genAiTelemetry().close();
    }
}
