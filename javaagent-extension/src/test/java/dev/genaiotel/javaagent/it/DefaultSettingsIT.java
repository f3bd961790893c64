package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.PlainApp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plain application under the agent and the extension with default settings (content capture off): one child JVM
 * runs every provider's calls once.
 */
class DefaultSettingsIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        run = ChildJvm.run(PlainApp.class, List.of(), entry -> false, standIns.baseUrl(), "openai");
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void theApplicationSeesTheServicesAnswersUnchanged() {
        assertThat(run.output()).contains("RESULT openai Paris is the capital of France.");
    }

    @Test
    void openAiChatHasExactlyOneGenAiSpanWithTheHttpClientSpanUnderIt() {
        List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "openai");
        assertThat(chat).hasSize(1);
        Otlp.Span span = chat.get(0);
        assertThat(span.scope()).isEqualTo("dev.genaiotel");
        assertThat(span.name()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
        assertThat(span.attributes())
                .containsEntry("gen_ai.request.model", "gpt-4o-mini")
                .containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                .containsEntry("gen_ai.response.id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .containsEntry("gen_ai.usage.input_tokens", 24L)
                .containsEntry("gen_ai.usage.output_tokens", 8L)
                .containsEntry("gen_ai.request.temperature", 0.2)
                .containsEntry("server.address", "localhost")
                .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions");
        assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
    }
}
