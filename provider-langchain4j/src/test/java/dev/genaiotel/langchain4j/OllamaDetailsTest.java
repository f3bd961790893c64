package dev.genaiotel.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j over Ollama models records what provider-ollama records from the request's options whenever
 * LangChain4j exposes it on its Ollama request parameters: the seed, the context size and the repeat penalty.
 */
class OllamaDetailsTest {

    private static final String CHAT = """
            {"model":"llama3.2","created_at":"2026-11-22T06:40:12.345678Z","message":{"role":"assistant",\
            "content":"The capital of France is Paris."},"done_reason":"stop","done":true,\
            "total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,\
            "prompt_eval_duration":383809000,"eval_count":9,"eval_duration":4799921000}""";

    private final Telemetry telemetry = new Telemetry();
    private WireMockServer ollama;

    @BeforeEach
    void start() {
        ollama = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ollama.start();
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CHAT)));
    }

    @AfterEach
    void stop() {
        ollama.stop();
    }

    @Test
    void seedContextSizeAndRepeatPenaltyAreRecorded() {
        ChatModel model = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama3.2")
                .seed(42).numCtx(8192).repeatPenalty(1.1).maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();

        model.chat("What is the capital of France?");

        ollama.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(equalToJson(
                "{\"options\":{\"seed\":42,\"num_ctx\":8192,\"repeat_penalty\":1.1}}", true, true)));
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("ollama");
        assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.request.seed"))).isEqualTo(42L);
        assertThat(span.getAttributes().get(AttributeKey.longKey("ollama.request.num_ctx"))).isEqualTo(8192L);
        assertThat(span.getAttributes().get(AttributeKey.doubleKey("ollama.request.repeat_penalty"))).isEqualTo(1.1);
    }

    @Test
    void optionsNotSetAreNotRecorded() {
        ChatModel model = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama3.2").maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();

        model.chat("What is the capital of France?");

        SpanData span = telemetry.awaitSpan();
        assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .doesNotContain("gen_ai.request.seed", "ollama.request.num_ctx", "ollama.request.repeat_penalty");
    }
}
