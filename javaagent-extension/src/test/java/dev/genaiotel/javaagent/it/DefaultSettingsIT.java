package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.AnthropicSteps;
import dev.genaiotel.javaagent.it.app.LangChain4jSteps;
import dev.genaiotel.javaagent.it.app.PlainApp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A plain application under the agent and the extension with default settings (content capture off): one child JVM
 * runs every provider's calls once; the LangChain4j and anthropic-java checks are nested groups on the same run.
 */
class DefaultSettingsIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        run = ChildJvm.run(PlainApp.class, List.of(), entry -> false, standIns.baseUrl(),
                "openai,bedrock,bedrock-async,ollama,http-other,langchain4j-chat,langchain4j-stream,langchain4j-embed,"
                        + "langchain4j-agent,anthropic,anthropic-async,anthropic-stream");
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void theApplicationSeesTheServicesAnswersUnchanged() {
        assertThat(run.output()).contains("RESULT openai Paris is the capital of France.",
                "RESULT bedrock Paris is the capital of France.",
                "RESULT bedrock-async Paris is the capital of France.", "RESULT ollama 200 true",
                "RESULT http-other 200 ok jdk.internal.net.http.HttpClientFacade",
                "RESULT langchain4j-chat Paris is the capital of France.",
                "RESULT langchain4j-stream Paris is the capital of France. | Paris is the capital of France.",
                "RESULT langchain4j-embed 4", "RESULT langchain4j-agent It is sunny and 24 degrees in Paris.",
                "RESULT anthropic Paris is the capital of France.",
                "RESULT anthropic-async Paris is the capital of France.",
                "RESULT anthropic-stream Paris is the capital of France.");
    }

    @Test
    void openAiChatHasExactlyOneGenAiSpanWithTheHttpClientSpanUnderIt() {
        List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "openai", "gpt-4o-mini");
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
        Map<String, Double> calls = new TreeMap<>();
        run.telemetry().points.stream()
                .filter(point -> point.scope().equals("dev.genaiotel"))
                .filter(point -> point.metric().equals("gen_ai.client.inference.duration"))
                .forEach(point -> calls.merge(point.attributes().get("gen_ai.provider.name") + " "
                        + point.attributes().get("gen_ai.request.model"), point.count(), Double::sum));
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(Map.of(
                "openai gpt-4o-mini", 1.0,
                "aws.bedrock anthropic.claude-3-haiku-20240307-v1:0", 2.0,
                "ollama llama3.2", 1.0,
                "openai " + LangChain4jSteps.CHAT_MODEL, 1.0,
                "openai " + LangChain4jSteps.STREAMING_MODEL, 1.0,
                "openai " + LangChain4jSteps.AGENT_MODEL, 2.0,
                "anthropic " + AnthropicSteps.MODEL, 3.0));
        assertThat(run.telemetry().points).filteredOn(point -> point.metric()
                        .equals("gen_ai.client.embeddings.duration"))
                .singleElement().satisfies(point -> {
                    assertThat(point.scope()).isEqualTo("dev.genaiotel");
                    assertThat(point.count()).isEqualTo(1.0);
                    assertThat(point.attributes()).containsEntry("gen_ai.request.model",
                            LangChain4jSteps.EMBEDDING_MODEL);
                });
        assertThat(run.telemetry().points).noneMatch(point -> point.metric().startsWith("gen_ai.")
                && !point.scope().equals("dev.genaiotel"));
    }

    @Test
    void withContentCaptureOffNoEventCarriesContent() {
        assertThat(run.telemetry().logs).noneMatch(log -> log.attributes().containsKey("gen_ai.input.messages"));
    }

    /** LangChain4j models and an AI service, built the ordinary way with no listener of genai-otel's. */
    @Nested
    class LangChain4j {

        @Test
        void chatRecordsExactlyWhatTheLibrarysListenerRecordsInOneSpanWithTheHttpClientSpanUnderIt() {
            Otlp.Span span = onlyInference(LangChain4jSteps.CHAT_MODEL);
            assertThat(span.name()).isEqualTo("chat gpt-4.1-mini");
            assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
            assertThat(Spans.recorded(span)).isEqualTo(Map.ofEntries(
                    Map.entry("gen_ai.operation.name", "chat"),
                    Map.entry("gen_ai.provider.name", "openai"),
                    Map.entry("gen_ai.request.model", "gpt-4.1-mini"),
                    Map.entry("gen_ai.request.temperature", 0.3),
                    Map.entry("gen_ai.response.id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG"),
                    Map.entry("gen_ai.response.model", "gpt-4o-mini-2024-07-18"),
                    Map.entry("gen_ai.response.finish_reasons", List.of("stop")),
                    Map.entry("gen_ai.usage.input_tokens", 24L),
                    Map.entry("gen_ai.usage.output_tokens", 8L),
                    Map.entry("gen_ai.usage.cache_read.input_tokens", 0L),
                    Map.entry("gen_ai.usage.reasoning.output_tokens", 0L),
                    Map.entry("openai.response.service_tier", "default"),
                    Map.entry("openai.response.system_fingerprint", "fp_06737a9306")));
            assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
        }

        @Test
        void streamingChatHasOneSpanWithTheStreamsResultAndTheHttpClientSpanUnderIt() {
            Otlp.Span span = onlyInference(LangChain4jSteps.STREAMING_MODEL);
            assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
            assertThat(span.statusCode()).isZero();
            assertThat(span.attributes())
                    .containsEntry("gen_ai.response.id", "chatcmpl-C1stream7Fq2")
                    .containsEntry("gen_ai.response.model", "gpt-4.1-nano-2025-04-14")
                    .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                    .containsEntry("gen_ai.usage.input_tokens", 14L)
                    .containsEntry("gen_ai.usage.output_tokens", 7L)
                    .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
            assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
        }

        @Test
        void embeddingHasOneEmbeddingsSpanWithTheHttpClientSpanUnderIt() {
            List<Otlp.Span> embeddings = Spans.genAi(run.telemetry(), "embeddings", "openai");
            assertThat(embeddings).hasSize(1);
            Otlp.Span span = embeddings.get(0);
            assertThat(span.scope()).isEqualTo("dev.genaiotel");
            assertThat(span.name()).isEqualTo("embeddings text-embedding-3-small");
            assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
            assertThat(Spans.recorded(span)).isEqualTo(Map.of(
                    "gen_ai.operation.name", "embeddings",
                    "gen_ai.provider.name", "openai",
                    "gen_ai.request.model", "text-embedding-3-small",
                    "gen_ai.response.model", "text-embedding-3-small",
                    "gen_ai.usage.input_tokens", 7L));
            assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
        }

        @Test
        void aiServiceRecordsTheAgentWithItsTwoInferencesAndTheToolUnderIt() {
            List<Otlp.Span> agents = Spans.allGenAi(run.telemetry()).stream()
                    .filter(span -> "invoke_agent".equals(span.attribute("gen_ai.operation.name"))).toList();
            assertThat(agents).hasSize(1);
            Otlp.Span agent = agents.get(0);
            assertThat(agent.name()).isEqualTo("invoke_agent Assistant");
            assertThat(agent.kind()).isEqualTo(Otlp.KIND_INTERNAL);
            assertThat(agent.attributes()).containsEntry("gen_ai.agent.name", "Assistant")
                    .containsEntry("gen_ai.request.model", LangChain4jSteps.AGENT_MODEL);
            List<Otlp.Span> inferences = Spans.genAi(run.telemetry(), "chat", "openai", LangChain4jSteps.AGENT_MODEL);
            assertThat(inferences).hasSize(2).allSatisfy(inference -> {
                assertThat(inference.parentSpanId()).isEqualTo(agent.spanId());
                assertThat(Spans.httpChildren(run.telemetry(), inference)).hasSize(1);
            });
            assertThat(inferences).extracting(inference -> inference.attribute("gen_ai.response.finish_reasons"))
                    .containsExactlyInAnyOrder(List.of("tool_call"), List.of("stop"));
            List<Otlp.Span> tools = Spans.allGenAi(run.telemetry()).stream()
                    .filter(span -> "execute_tool".equals(span.attribute("gen_ai.operation.name"))).toList();
            assertThat(tools).singleElement().satisfies(tool -> {
                assertThat(tool.name()).isEqualTo("execute_tool weather");
                assertThat(tool.parentSpanId()).isEqualTo(agent.spanId());
                assertThat(Spans.recorded(tool)).isEqualTo(Map.of(
                        "gen_ai.operation.name", "execute_tool",
                        "gen_ai.tool.name", "weather",
                        "gen_ai.tool.call.id", "call_Wx7pQ2mNcity",
                        "gen_ai.tool.type", "function",
                        "gen_ai.agent.name", "Assistant"));
            });
        }

        @Test
        void theApplicationsOwnToolHookStillRuns() {
            assertThat(run.output()).containsOnlyOnce("RESULT langchain4j-hook before weather");
        }

        private Otlp.Span onlyInference(String model) {
            List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "openai", model);
            assertThat(chat).hasSize(1);
            assertThat(chat.get(0).scope()).isEqualTo("dev.genaiotel");
            return chat.get(0);
        }
    }

    /** anthropic-java clients built by its OkHttp builders, sync and async. */
    @Nested
    class Anthropic {

        @Test
        void messagesSyncAsyncAndStreamedHaveExactlyOneGenAiSpanEachWithTheHttpClientSpanUnderIt() {
            List<Otlp.Span> chat = Spans.genAi(run.telemetry(), "chat", "anthropic");
            assertThat(chat).hasSize(3).allSatisfy(span -> {
                assertThat(span.scope()).isEqualTo("dev.genaiotel");
                assertThat(span.name()).isEqualTo("chat claude-sonnet-4-5");
                assertThat(span.kind()).isEqualTo(Otlp.KIND_CLIENT);
                assertThat(span.attributes())
                        .containsEntry("gen_ai.response.model", "claude-sonnet-4-5-20250929")
                        .containsEntry("gen_ai.usage.input_tokens", 20L)
                        .containsEntry("gen_ai.usage.output_tokens", 10L)
                        .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                        .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages",
                                "gen_ai.system_instructions");
                assertThat(Spans.httpChildren(run.telemetry(), span)).as("HTTP client span under %s", span)
                        .hasSize(1);
            });
        }

        @Test
        void aMessageRecordsExactlyWhatTheLibraryRecords() {
            Otlp.Span message = Spans.genAi(run.telemetry(), "chat", "anthropic").stream()
                    .filter(span -> !span.attributes().containsKey("gen_ai.request.stream")).findFirst().orElseThrow();
            assertThat(Spans.recorded(message)).isEqualTo(Map.ofEntries(
                    Map.entry("gen_ai.operation.name", "chat"),
                    Map.entry("gen_ai.provider.name", "anthropic"),
                    Map.entry("gen_ai.request.model", "claude-sonnet-4-5"),
                    Map.entry("gen_ai.request.max_tokens", 256L),
                    Map.entry("server.address", "localhost"),
                    Map.entry("server.port", (long) standIns.port()),
                    Map.entry("gen_ai.response.id", "msg_01AeZwkc7CEiq9YBJXZn5vkZ"),
                    Map.entry("gen_ai.response.model", "claude-sonnet-4-5-20250929"),
                    Map.entry("gen_ai.response.finish_reasons", List.of("stop")),
                    Map.entry("gen_ai.usage.input_tokens", 20L),
                    Map.entry("gen_ai.usage.output_tokens", 10L),
                    Map.entry("gen_ai.usage.cache_read.input_tokens", 0L),
                    Map.entry("gen_ai.usage.cache_write.input_tokens", 0L)));
        }

        @Test
        void theStreamIsOneStreamedSpanWithTimeToFirstChunk() {
            List<Otlp.Span> streamed = Spans.genAi(run.telemetry(), "chat", "anthropic").stream()
                    .filter(span -> Boolean.TRUE.equals(span.attribute("gen_ai.request.stream"))).toList();
            assertThat(streamed).singleElement().satisfies(span -> {
                assertThat(span.attributes()).containsEntry("gen_ai.response.id", "msg_01Stream5dWq9hTzLm3")
                        .containsKey("gen_ai.response.time_to_first_chunk");
                assertThat(span.statusCode()).isZero();
            });
        }

        @Test
        void anthropicJavasOwnSpansAreSwitchedOff() {
            assertThat(run.output()).contains("RESULT anthropic Paris");
            assertThat(run.telemetry().spans).noneMatch(span -> span.scope().startsWith("com.anthropic"));
        }
    }
}
