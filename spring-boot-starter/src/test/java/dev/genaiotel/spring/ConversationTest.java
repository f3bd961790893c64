package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;

@Timeout(60)
class ConversationTest {

    static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(OpenAiChatTest.COMPLETION)));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))).willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream").withBody(OpenAiStreams.PARIS)));
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(OllamaChatTest.ANSWER)));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    static ChatClient chatClient(SpringAiApp app) {
        return app.bean(ChatClient.Builder.class)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(app.bean(ChatMemory.class)).build())
                .build();
    }

    @Test
    void chatMemoryConversationIdReachesTheClientLevelSpan() throws Exception {
        try (SpringAiApp app = SpringAiApp.start(Map.of(
                "spring.ai.model.chat", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini"))) {
            ChatClient client = chatClient(app);

            client.prompt("Weather in Paris?").advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "support-7f3a"))
                    .call().content();
            client.prompt("And tomorrow?").advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "support-7f3a"))
                    .stream().content().collectList().block();

            List<SpanData> spans = app.awaitSpans(s -> s.size() >= 2);
            assertThat(spans).hasSize(2).allSatisfy(span ->
                    assertThat(span.getAttributes().get(CONVERSATION_ID)).isEqualTo("support-7f3a"));
        }
    }

    @Test
    void chatMemoryConversationIdReachesTheModelLevelSpan() {
        try (SpringAiApp app = SpringAiApp.start(Map.of(
                "spring.ai.model.chat", "ollama",
                "spring.ai.ollama.base-url", server.baseUrl(),
                "spring.ai.ollama.chat.model", "llama3.2"))) {
            chatClient(app).prompt("Weather in Paris?")
                    .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "support-7f3a")).call().content();

            assertThat(app.genAiSpans()).singleElement().satisfies(span ->
                    assertThat(span.getAttributes().get(CONVERSATION_ID)).isEqualTo("support-7f3a"));
        }
    }

    @Test
    void aChatClientCallWithoutAConversationRecordsNone() {
        try (SpringAiApp app = SpringAiApp.start(Map.of(
                "spring.ai.model.chat", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini"))) {
            app.bean(ChatClient.Builder.class).build().prompt("Weather in Paris?").call().content();

            assertThat(app.genAiSpans()).singleElement().satisfies(span ->
                    assertThat(span.getAttributes().get(CONVERSATION_ID)).isNull());
        }
    }
}
