package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.PlainApp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.instrumentation.genai.enabled=false}: the extension records nothing and switches nothing off, so the
 * agent behaves as without it.
 */
class DisabledIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        run = ChildJvm.run(PlainApp.class, List.of("-Dotel.instrumentation.genai.enabled=false"), entry -> false,
                standIns.baseUrl(), "openai,langchain4j-chat,langchain4j-embed,langchain4j-agent,anthropic");
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void theExtensionRecordsNothing() {
        assertThat(run.output()).contains("RESULT openai Paris is the capital of France.",
                "RESULT langchain4j-chat Paris is the capital of France.", "RESULT langchain4j-embed 4",
                "RESULT langchain4j-hook before weather",
                "RESULT langchain4j-agent It is sunny and 24 degrees in Paris.",
                "RESULT anthropic Paris is the capital of France.");
        assertThat(run.telemetry().spans).noneMatch(span -> span.scope().equals("dev.genaiotel"));
        assertThat(run.telemetry().points).noneMatch(point -> point.scope().equals("dev.genaiotel"));
        assertThat(run.telemetry().logs).noneMatch(log -> log.scope().equals("dev.genaiotel"));
    }

    @Test
    void theAgentsOwnOpenAiInstrumentationIsBackAsWithoutTheExtension() {
        List<Otlp.Span> chat = Spans.allGenAi(run.telemetry()).stream()
                .filter(span -> "openai".equals(span.attribute("gen_ai.provider.name"))).toList();
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).scope()).startsWith("io.opentelemetry.openai-java");
    }

    @Test
    void anthropicJavasOwnSpanIsBackAsWithoutTheExtension() {
        List<Otlp.Span> anthropic = run.telemetry().spans.stream()
                .filter(span -> span.scope().startsWith("com.anthropic")).toList();
        assertThat(anthropic).singleElement().satisfies(span -> assertThat(span.name())
                .isEqualTo("anthropic.messages.create"));
    }

    @Test
    void langChain4jCallsGetTheAgentsHttpClientSpansOnly() {
        List<Otlp.Span> http = run.telemetry().spans.stream()
                .filter(span -> span.scope().equals("io.opentelemetry.java-http-client")).toList();
        assertThat(http).hasSize(4).allSatisfy(span -> assertThat(span.parentSpanId()).isEmpty());
    }
}
