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
        run = ChildJvm.run(PlainApp.class, List.of(), entry -> false, standIns.baseUrl(), "openai,bedrock,bedrock-async,ollama,http-other");
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void theApplicationSeesTheServicesAnswersUnchanged() {
        assertThat(run.output()).contains("RESULT openai Paris is the capital of France.",
                "RESULT bedrock Paris is the capital of France.", "RESULT bedrock-async Paris is the capital of France.",
                "RESULT ollama 200 true", "RESULT http-other 200 ok jdk.internal.net.http.HttpClientFacade");
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

    @Test
    void bedrockConverseSyncAndAsyncHaveExactlyOneGenAiSpanEachWithTheHttpClientSpanUnderIt() {
        List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "aws.bedrock");
        assertThat(chat).hasSize(2);
        for (Otlp.Span span : chat) {
            assertThat(span.scope()).isEqualTo("dev.genaiotel");
            assertThat(span.name()).isEqualTo("chat anthropic.claude-3-haiku-20240307-v1:0");
            assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
            assertThat(span.attributes())
                    .containsEntry("gen_ai.request.model", "anthropic.claude-3-haiku-20240307-v1:0")
                    .containsEntry("gen_ai.usage.input_tokens", 21L)
                    .containsEntry("gen_ai.usage.output_tokens", 9L)
                    .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                    .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
            assertThat(Spans.httpDescendants(run.telemetry(), span)).as("HTTP client span under %s", span).hasSize(1);
        }
    }

    @Test
    void ollamaChatOverTheJdkHttpClientHasExactlyOneGenAiSpanWithTheHttpClientSpanUnderIt() {
        List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "ollama");
        assertThat(chat).hasSize(1);
        Otlp.Span span = chat.get(0);
        assertThat(span.scope()).isEqualTo("dev.genaiotel");
        assertThat(span.name()).isEqualTo("chat llama3.2");
        assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
        assertThat(span.attributes())
                .containsEntry("gen_ai.request.model", "llama3.2")
                .containsEntry("gen_ai.usage.input_tokens", 31L)
                .containsEntry("gen_ai.usage.output_tokens", 8L)
                .containsEntry("gen_ai.request.temperature", 0.1)
                .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
        assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
    }

    @Test
    void otherJdkHttpClientRequestsGetNoGenAiSpanAndTheClientIsTheJdksOwn() {
        List<Otlp.Span> status = run.telemetry().spans.stream()
                .filter(span -> String.valueOf(span.attribute("url.full")).endsWith("/status")).toList();
        assertThat(status).hasSize(1);
        assertThat(status.get(0).parentSpanId()).isEmpty();
        assertThat(Spans.allGenAi(run.telemetry())).noneMatch(span -> "GET".equals(span.attribute(
                "http.request.method")));
    }

    @Test
    void theAgentsOwnGenAiInstrumentationIsOffSoNoOtherScopeRecordsGenAiSpans() {
        assertThat(Spans.allGenAi(run.telemetry())).allSatisfy(span -> assertThat(span.scope())
                .isEqualTo("dev.genaiotel"));
    }

    @Test
    void theInferenceMetricsAreRecordedOncePerCallUnderTheGenAiScope() {
        List<Otlp.Point> duration = run.telemetry().points.stream()
                .filter(point -> point.scope().equals("dev.genaiotel"))
                .filter(point -> point.metric().equals("gen_ai.client.inference.duration"))
                .toList();
        assertThat(duration).extracting(point -> point.attributes().get("gen_ai.provider.name"), Otlp.Point::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("openai", 1.0),
                        org.assertj.core.groups.Tuple.tuple("aws.bedrock", 2.0),
                        org.assertj.core.groups.Tuple.tuple("ollama", 1.0));
        assertThat(run.telemetry().points).noneMatch(point -> point.metric().startsWith("gen_ai.")
                && !point.scope().equals("dev.genaiotel"));
    }

    @Test
    void withContentCaptureOffNoEventCarriesContent() {
        assertThat(run.telemetry().logs).noneMatch(log -> log.attributes().containsKey("gen_ai.input.messages"));
    }
}
