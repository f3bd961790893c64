package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import org.springframework.ai.openai.OpenAiChatModel;
import reactor.core.publisher.Flux;

@Timeout(60)
class OpenAiChatTest {

    static final String COMPLETION = """
            {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1741569952,
             "model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Paris is sunny, 22 degrees.",
               "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
               "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
                 "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_06737a9306"}
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
                "spring.ai.model.chat", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini",
                "spring.ai.openai.chat.temperature", "0.2"));
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void theChatModelBeanKeepsItsClassAndSendsThroughTheInstrumentedClient() {
        assertThat(app.bean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class);
        assertThat(app.context.getBeansOfType(OpenAiChatModel.class)).hasSize(1);
    }

    @Test
    void chatCallIsOneClientSpanWithTheProviderModulesAttributes() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(COMPLETION)));

        ChatResponse response = app.bean(ChatModel.class).call(new Prompt("Weather in Paris?"));

        assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris is sunny, 22 degrees.");
        List<SpanData> spans = app.genAiSpans();
        assertThat(spans).hasSize(1);
        SpanData span = spans.get(0);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        Map<AttributeKey<?>, Object> attributes = span.getAttributes().asMap();
        assertThat(attributes).containsEntry(AttributeKey.stringKey("gen_ai.operation.name"), "chat")
                .containsEntry(AttributeKey.stringKey("gen_ai.provider.name"), "openai")
                .containsEntry(AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o-mini")
                .containsEntry(AttributeKey.doubleKey("gen_ai.request.temperature"), 0.2)
                .containsEntry(AttributeKey.stringKey("gen_ai.response.id"), "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .containsEntry(AttributeKey.stringKey("gen_ai.response.model"), "gpt-4o-mini-2024-07-18")
                .containsEntry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 19L)
                .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 10L)
                .containsEntry(AttributeKey.stringKey("server.address"), "localhost")
                .containsEntry(AttributeKey.longKey("server.port"), (long) server.port())
                .containsEntry(AttributeKey.stringKey("openai.response.system_fingerprint"), "fp_06737a9306");
        assertThat(attributes.keySet()).noneMatch(k -> k.getKey().equals("gen_ai.input.messages"));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test-key")));
    }

    @Test
    void streamDrainedIsOneSpanWithTimeToFirstChunk() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiStreams.PARIS)));

        List<ChatResponse> chunks = app.bean(ChatModel.class).stream(new Prompt("Weather in Paris?"))
                .collectList().block();

        assertThat(chunks).isNotEmpty();
        List<SpanData> spans = app.awaitSpans(s -> !s.isEmpty());
        assertThat(spans).hasSize(1);
        Map<AttributeKey<?>, Object> attributes = spans.get(0).getAttributes().asMap();
        assertThat(attributes).containsEntry(AttributeKey.booleanKey("gen_ai.request.stream"), true)
                .containsEntry(AttributeKey.stringKey("gen_ai.response.id"), "chatcmpl-stream-1")
                .containsEntry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .containsEntry(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
                .containsEntry(AttributeKey.longKey("gen_ai.usage.output_tokens"), 6L)
                .containsKey(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"));
    }

    @Test
    void streamFailingEndsTheSpanWithTheStatus() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")));

        Flux<ChatResponse> stream = app.bean(ChatModel.class).stream(new Prompt("Weather in Paris?"));

        assertThatThrownBy(() -> stream.blockLast()).isNotNull();
        List<SpanData> spans = app.awaitSpans(s -> !s.isEmpty());
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("500");
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void streamCancelledAfterTheFirstResponseEndsTheSpanOnceWithWhatArrived() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiStreams.PARIS)
                .withChunkedDribbleDelay(10, 1500)));

        ChatResponse first = app.bean(ChatModel.class).stream(new Prompt("Weather in Paris?")).blockFirst();

        assertThat(first).isNotNull();
        List<SpanData> spans = app.awaitSpans(s -> !s.isEmpty());
        Thread.sleep(1600);
        assertThat(app.genAiSpans()).hasSize(1);
        SpanData span = spans.get(0);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly("error");
        assertThat(span.getAttributes().get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk")))
                .isPositive();
    }
}
