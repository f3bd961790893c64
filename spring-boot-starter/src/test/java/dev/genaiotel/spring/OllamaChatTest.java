package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/** Spring AI's Ollama model has no client genai-otel wraps: each call is recorded at the model level. */
@Timeout(60)
class OllamaChatTest {

    static final String ANSWER = """
            {"model":"llama3.2","created_at":"2026-12-07T10:15:30.123456Z",
             "message":{"role":"assistant","content":"Paris is sunny, 22 degrees."},
             "done_reason":"stop","done":true,"total_duration":812345678,"load_duration":12345678,
             "prompt_eval_count":26,"prompt_eval_duration":130000000,"eval_count":12,"eval_duration":610000000}
            """;

    static final String STREAM = """
            {"model":"llama3.2","created_at":"2026-12-07T10:15:30.1Z","message":{"role":"assistant","content":"Sunny"},"done":false}
            {"model":"llama3.2","created_at":"2026-12-07T10:15:30.2Z","message":{"role":"assistant","content":", 22 degrees."},"done":false}
            {"model":"llama3.2","created_at":"2026-12-07T10:15:30.3Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":512345678,"load_duration":2345678,"prompt_eval_count":26,"prompt_eval_duration":130000000,"eval_count":6,"eval_duration":310000000}
            """;

    static WireMockServer server;
    SpringAiApp app;

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
    void startApp() {
        server.resetAll();
        app = SpringAiApp.start(Map.of(
                "spring.ai.model.chat", "ollama",
                "spring.ai.ollama.base-url", server.baseUrl(),
                "spring.ai.ollama.chat.model", "llama3.2",
                "spring.ai.ollama.chat.temperature", "0.3",
                "spring.ai.retry.max-attempts", "1"));
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void chatCallIsOneSpanWithWhatTheModelReported() {
        server.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalToFalse()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));

        ChatResponse response = app.bean(ChatModel.class).call(new Prompt("Weather in Paris?"));

        assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris is sunny, 22 degrees.");
        List<SpanData> spans = app.genAiSpans();
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getName()).isEqualTo("chat llama3.2");
        assertThat(spans.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(spans.get(0).getAttributes().asMap())
                .containsEntry(AttributeKey.stringKey("gen_ai.provider.name"), "ollama")
                .containsEntry(AttributeKey.stringKey("gen_ai.request.model"), "llama3.2")
                .containsEntry(AttributeKey.doubleKey("gen_ai.request.temperature"), 0.3)
                .containsEntry(AttributeKey.stringKey("gen_ai.response.model"), "llama3.2")
                .containsEntry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 26L)
                .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 12L);
    }

    @Test
    void streamDrainedIsOneSpan() throws Exception {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-ndjson").withBody(STREAM)));

        List<ChatResponse> responses = app.bean(ChatModel.class).stream(new Prompt("Weather in Paris?"))
                .collectList().block();

        assertThat(responses).hasSize(3);
        List<SpanData> spans = app.awaitSpans(s -> !s.isEmpty());
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getAttributes().asMap())
                .containsEntry(AttributeKey.booleanKey("gen_ai.request.stream"), true)
                .containsEntry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 6L);
    }

    @Test
    void streamCancelledEndsTheSpanOnce() throws Exception {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-ndjson").withBody(STREAM)
                .withChunkedDribbleDelay(6, 1200)));

        ChatResponse first = app.bean(ChatModel.class).stream(new Prompt("Weather in Paris?")).blockFirst();

        assertThat(first).isNotNull();
        app.awaitSpans(s -> !s.isEmpty());
        Thread.sleep(1300);
        List<SpanData> spans = app.genAiSpans();
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void failedCallEndsTheSpanWithTheError() {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}")));

        assertThatThrownBy(() -> app.bean(ChatModel.class).call(new Prompt("Weather in Paris?")))
                .isInstanceOf(RuntimeException.class);

        List<SpanData> spans = app.genAiSpans();
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isNotBlank();
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToFalse() {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo("false");
    }
}
