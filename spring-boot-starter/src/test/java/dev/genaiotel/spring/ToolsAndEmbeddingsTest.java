package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

@Timeout(60)
class ToolsAndEmbeddingsTest {

    static final String TOOL_CALL = """
            {"id":"chatcmpl-tool-1","object":"chat.completion","created":1741569952,
             "model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"annotations":[],
               "tool_calls":[{"id":"call_Vq1sYbLfJvXz8ZQ2","type":"function",
                 "function":{"name":"currentWeather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
               "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":61,"completion_tokens":15,"total_tokens":76}}
            """;

    static final String ANSWER = """
            {"id":"chatcmpl-tool-2","object":"chat.completion","created":1741569953,
             "model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"It is sunny in Paris, 22 degrees.",
               "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":92,"completion_tokens":11,"total_tokens":103}}
            """;

    static final String EMBEDDINGS = """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292,0.015797347]}],
             "model":"text-embedding-3-small","usage":{"prompt_tokens":5,"total_tokens":5}}
            """;

    static WireMockServer server;

    static class WeatherTools {
        @Tool(description = "The current weather in a city")
        String currentWeather(@ToolParam(description = "the city") String city) {
            return "sunny, 22 degrees in " + city;
        }
    }

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void stubs() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("tools").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TOOL_CALL))
                .willSetStateTo("answered"));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("tools").whenScenarioStateIs("answered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));
        server.stubFor(post(urlEqualTo("/v1/embeddings"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(EMBEDDINGS)));
    }

    static SpringAiApp start(String capture) {
        return SpringAiApp.start(Map.of(
                "spring.ai.model.chat", "openai",
                "spring.ai.model.embedding", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini",
                "spring.ai.openai.embedding.model", "text-embedding-3-small",
                "otel.instrumentation.genai.capture-message-content", capture));
    }

    @Test
    void toolRoundTripIsTwoInferencesAndOneExecuteToolSpanWithTheModelsCallId() {
        try (SpringAiApp app = start("false")) {
            String answer = app.bean(ChatClient.Builder.class).build().prompt("Weather in Paris?")
                    .tools(new WeatherTools()).call().content();

            assertThat(answer).isEqualTo("It is sunny in Paris, 22 degrees.");
            List<SpanData> spans = app.genAiSpans();
            assertThat(spans).extracting(SpanData::getName)
                    .containsExactly("chat gpt-4o-mini", "execute_tool currentWeather", "chat gpt-4o-mini");
            SpanData tool = spans.get(1);
            assertThat(tool.getKind()).isEqualTo(SpanKind.INTERNAL);
            assertThat(tool.getAttributes().asMap())
                    .containsEntry(AttributeKey.stringKey("gen_ai.tool.name"), "currentWeather")
                    .containsEntry(AttributeKey.stringKey("gen_ai.tool.call.id"), "call_Vq1sYbLfJvXz8ZQ2")
                    .containsEntry(AttributeKey.stringKey("gen_ai.tool.type"), "function")
                    .containsEntry(AttributeKey.stringKey("gen_ai.tool.description"), "The current weather in a city")
                    .doesNotContainKey(AttributeKey.stringKey("gen_ai.tool.call.arguments"))
                    .doesNotContainKey(AttributeKey.stringKey("gen_ai.tool.call.result"));
            assertThat(spans.get(0).getAttributes().get(AttributeKey.stringArrayKey(
                    "gen_ai.response.finish_reasons"))).containsExactly("tool_call");
        }
    }

    @Test
    void toolArgumentsAndResultAreRecordedUnderContentCapture() {
        try (SpringAiApp app = start("span_only")) {
            app.bean(ChatClient.Builder.class).build().prompt("Weather in Paris?")
                    .tools(new WeatherTools()).call().content();

            SpanData tool = app.genAiSpans().get(1);
            assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.arguments")))
                    .isEqualTo("{\"city\":\"Paris\"}");
            assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.result")))
                    .contains("sunny, 22 degrees in Paris");
        }
    }

    @Test
    void embeddingCallIsOneEmbeddingsSpanFromTheInstrumentedClient() {
        try (SpringAiApp app = start("false")) {
            float[] vector = app.bean(EmbeddingModel.class).embed("The food was delicious");

            assertThat(vector).hasSize(3);
            List<SpanData> spans = app.genAiSpans();
            assertThat(spans).hasSize(1);
            assertThat(spans.get(0).getName()).isEqualTo("embeddings text-embedding-3-small");
            assertThat(spans.get(0).getAttributes().asMap())
                    .containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "embeddings")
                    .containsEntry(AttributeKey.stringKey("gen_ai.provider.name"), "openai")
                    .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 5L)
                    .containsEntry(AttributeKey.stringKey("server.address"), "localhost");
        }
    }
}
