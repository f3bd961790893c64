package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

@Timeout(60)
class ContentFromPropertiesTest {

    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(OpenAiChatTest.COMPLETION)));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    static Map<String, Object> openAi(String... more) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.ai.model.chat", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void contentCaptureFromApplicationPropertiesPutsTheConversationOnTheSpan() {
        try (SpringAiApp app = SpringAiApp.start(openAi(
                "otel.instrumentation.genai.capture-message-content", "span_only"))) {
            assertThat(app.bean(GenAiTelemetry.class).settings().contentCapture())
                    .isEqualTo(ContentCapture.SPAN_ONLY);

            app.bean(ChatModel.class).call(new Prompt("Weather in Paris?"));

            List<SpanData> spans = app.genAiSpans();
            assertThat(spans).hasSize(1);
            assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
                    .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                            + "\"Weather in Paris?\"}]}]");
            assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")))
                    .contains("Paris is sunny, 22 degrees.");
        }
    }

    @Test
    void contentIsOffWithoutTheSetting() {
        try (SpringAiApp app = SpringAiApp.start(openAi())) {
            app.bean(ChatModel.class).call(new Prompt("Weather in Paris?"));

            assertThat(app.genAiSpans()).singleElement().satisfies(span -> assertThat(span.getAttributes().asMap()
                    .keySet()).noneMatch(k -> k.getKey().endsWith("messages")));
        }
    }

    @Test
    void disabledFromApplicationPropertiesRecordsNothing() {
        try (SpringAiApp app = SpringAiApp.start(openAi("otel.instrumentation.genai.enabled", "false"))) {
            app.bean(ChatModel.class).call(new Prompt("Weather in Paris?"));

            assertThat(app.genAiSpans()).isEmpty();
        }
    }
}
