package dev.genaiotel.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A LangChain4j chat model built on an openai-java client that provider-openai instruments: the two layers must give
 * one inference span and one set of metric points, with each layer filling in what the other cannot see.
 */
class StackedLayersTest {

    private static final String COMPLETION = "{\"id\":\"chatcmpl-stacked-1\",\"object\":\"chat.completion\","
            + "\"created\":1763806530,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Paris.\",\"refusal\":null,\"annotations\":[]},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
            + "\"completion_tokens\":2,\"total_tokens\":14,\"prompt_tokens_details\":{\"cached_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}},\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"fp_560af6e559\"}";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private WireMockServer openAiServer;
    private OpenTelemetrySdk sdk;
    private OpenAIClient openAi;
    private GenAiTelemetry telemetry;

    @BeforeEach
    void start() {
        openAiServer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        openAiServer.start();
        openAiServer.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        telemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(Map.<String, String>of()::get, Map.<String, String>of()::get)
                .build();
        openAi = OpenAITelemetry.builder(telemetry).build().wrap(OpenAIOkHttpClient.builder()
                .baseUrl(openAiServer.baseUrl() + "/v1")
                .apiKey("sk-test")
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        openAi.close();
        sdk.close();
        openAiServer.stop();
    }

    @Test
    void aLangChain4jModelOverAnInstrumentedOpenAiClientMakesOneSpanAndOneSetOfMetrics() {
        ChatModel model = LangChain4jTelemetry.builder(telemetry).build().wrap(new OpenAiJavaChatModel(openAi));

        ChatResponse response = model.chat(ChatRequest.builder()
                .modelName("gpt-4o-mini")
                .messages(UserMessage.from("Capital of France?"))
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("Paris.");
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-stacked-1");
        assertThat(span.getAttributes().get(GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(span.getAttributes().get(GenAiAttributes.SERVER_ADDRESS))
                .as("only the openai-java layer knows the server; it enriches the outer span")
                .isEqualTo("localhost");
        assertThat(span.getAttributes().get(GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT))
                .isEqualTo("fp_560af6e559");
        assertThat(span.getAttributes().asMap().values()).as("the API key is never recorded")
                .noneMatch(value -> String.valueOf(value).contains("sk-test"));
        MetricData duration = metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name());
        assertThat(duration.getHistogramData().getPoints()).hasSize(1);
        assertThat(duration.getHistogramData().getPoints().iterator().next().getCount()).isEqualTo(1);
    }

    @Test
    void theOpenAiClientAloneStillMakesItsOwnSpan() {
        openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Capital of France?").build());

        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(GenAiAttributes.SERVER_ADDRESS))
                .isEqualTo("localhost");
    }

    private MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(data -> data.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** A LangChain4j chat model that calls openai-java, as langchain4j-open-ai-official does. */
    private static final class OpenAiJavaChatModel implements ChatModel {
        private final OpenAIClient client;

        OpenAiJavaChatModel(OpenAIClient client) {
            this.client = client;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model("gpt-4o-mini");
            request.messages().forEach(message -> params.addUserMessage(((UserMessage) message).singleText()));
            ChatCompletion completion = client.chat().completions().create(params.build());
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(completion.choices().get(0).message().content().orElse("")))
                    .id(completion.id())
                    .modelName(completion.model())
                    .tokenUsage(completion.usage().map(usage -> new TokenUsage(
                            (int) usage.promptTokens(), (int) usage.completionTokens())).orElse(null))
                    .finishReason(FinishReason.STOP)
                    .build();
        }

        @Override
        public ModelProvider provider() {
            return ModelProvider.OPEN_AI;
        }
    }
}
