package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.LangChain4jSteps;
import dev.genaiotel.javaagent.it.app.PlainApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content capture switched on in the agent's configuration file ({@code otel.javaagent.configuration-file}), not in
 * a system property: {@code SPAN_AND_EVENT} puts the conversation on the span and on the details event.
 */
class ContentCaptureIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        Path file = Path.of(System.getProperty("genai.it.test-classes"), "capture-content.properties");
        run = ChildJvm.run(PlainApp.class, List.of("-Dotel.javaagent.configuration-file=" + file), entry -> false,
                standIns.baseUrl(), "openai,bedrock,langchain4j-chat,anthropic");
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void theConversationIsOnTheSpan() {
        Otlp.Span openAi = Spans.genAi(run.telemetry(), "chat", "openai", "gpt-4o-mini").get(0);
        assertThat((String) openAi.attribute("gen_ai.input.messages")).contains("What is the capital of France?");
        assertThat((String) openAi.attribute("gen_ai.output.messages")).contains("Paris is the capital of France.");
        Otlp.Span bedrock = Spans.genAi(run.telemetry(), "chat", "aws.bedrock").get(0);
        assertThat((String) bedrock.attribute("gen_ai.input.messages")).contains("What is the capital of France?");
        assertThat((String) bedrock.attribute("gen_ai.output.messages")).contains("Paris is the capital of France.");
        assertThat((String) bedrock.attribute("gen_ai.system_instructions")).contains("Answer in one sentence.");
        Otlp.Span langChain4j = Spans.genAi(run.telemetry(), "chat", "openai", LangChain4jSteps.CHAT_MODEL).get(0);
        assertThat(langChain4j.attribute("gen_ai.input.messages")).isEqualTo("[{\"role\":\"user\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"What is the capital of France?\"}]}]");
        assertThat(langChain4j.attribute("gen_ai.output.messages")).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Paris is the capital of France.\"}],\"finish_reason\":\"stop\"}]");
        Otlp.Span anthropic = Spans.genAi(run.telemetry(), "chat", "anthropic").get(0);
        assertThat((String) anthropic.attribute("gen_ai.input.messages")).contains("What is the capital of France?");
        assertThat((String) anthropic.attribute("gen_ai.output.messages")).contains("Paris is the capital of France.");
        assertThat((String) anthropic.attribute("gen_ai.system_instructions")).contains("Answer in one sentence.");
    }

    @Test
    void theDetailsEventCarriesTheConversationAndBelongsToItsSpan() {
        List<Otlp.LogRecord> details = run.telemetry().logs.stream()
                .filter(log -> log.scope().equals("dev.genaiotel"))
                .filter(log -> log.eventName().equals("gen_ai.client.inference.operation.details"))
                .toList();
        List<Otlp.Span> inferences = Spans.allGenAi(run.telemetry());
        assertThat(inferences).hasSize(4);
        assertThat(details).extracting(Otlp.LogRecord::spanId)
                .containsExactlyInAnyOrderElementsOf(inferences.stream().map(Otlp.Span::spanId).toList());
        Otlp.Span openAi = Spans.genAi(run.telemetry(), "chat", "openai", "gpt-4o-mini").get(0);
        assertThat(details).anySatisfy(event -> {
            assertThat(event.spanId()).isEqualTo(openAi.spanId());
            assertThat(event.attributes().toString() + event.body()).contains("What is the capital of France?");
        });
    }
}
