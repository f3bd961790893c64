package dev.genaiotel.spring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.client.ChatClient;

/**
 * Micrometer Tracing bridged to OpenTelemetry (Spring Boot's OpenTelemetry starter on the class path): Spring AI's
 * observations become spans too, and the starter keeps them from duplicating its GenAI spans.
 */
@Timeout(60)
class MicrometerTracingCoexistenceTest {

    static WireMockServer server;

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
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(OpenAiChatTest.COMPLETION)));
    }

    static SpringAiApp start(String... more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.ai.model.chat", "openai",
                "spring.ai.openai.api-key", "sk-test-key",
                "spring.ai.openai.base-url", server.baseUrl() + "/v1",
                "spring.ai.openai.max-retries", "0",
                "spring.ai.openai.chat.model", "gpt-4o-mini",
                "management.tracing.sampling.probability", "1.0",
                "management.otlp.tracing.export.enabled", "false",
                "management.otlp.metrics.export.enabled", "false",
                "management.opentelemetry.logging.export.otlp.enabled", "false"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return SpringAiApp.start(properties);
    }

    @Test
    void oneGenAiSpanPerCallInTheTraceTheHttpRequestCarries() {
        try (SpringAiApp app = start()) {
            app.bean(ChatClient.Builder.class).build().prompt("Weather in Paris?").call().content();

            List<SpanData> genAi = app.genAiSpans();
            assertThat(genAi).singleElement().satisfies(span -> {
                assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.genaiotel");
                assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
            });
            SpanData inference = genAi.get(0);
            List<SpanData> others = app.spans().stream().filter(s -> !genAi.contains(s)).toList();
            assertThat(others).as("Micrometer Tracing is bridged: the ChatClient and HTTP observations are spans")
                    .isNotEmpty();
            SpanData http = others.stream().filter(s -> s.getName().equals("POST")).findFirst().orElseThrow();
            // Known gap (README): Micrometer parents the HTTP span on the nearest traced observation (the advisor's),
            // not on the current OpenTelemetry span, so it is the inference's sibling in the same trace.
            assertThat(http.getTraceId()).isEqualTo(inference.getTraceId());
            assertThat(http.getParentSpanId()).isEqualTo(inference.getParentSpanId());
            LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
            assertThat(request.getHeader("traceparent")).contains(inference.getTraceId());
        }
    }

    @Test
    void springAiObservationSpansAreKeptWhenAsked() {
        try (SpringAiApp app = start("otel.instrumentation.genai.spring-ai.keep-observation-spans", "true")) {
            app.bean(ChatClient.Builder.class).build().prompt("Weather in Paris?").call().content();

            assertThat(app.genAiSpans()).extracting(s -> s.getInstrumentationScopeInfo().getName())
                    .hasSize(2).contains("dev.genaiotel");
        }
    }
}
