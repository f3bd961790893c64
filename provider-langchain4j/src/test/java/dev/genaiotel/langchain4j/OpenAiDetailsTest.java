package dev.genaiotel.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j over OpenAI models records what provider-openai records whenever LangChain4j exposes it, on its
 * OpenAI request parameters and response metadata: the seed, the service tiers, the system fingerprint, the
 * completion-token limit and the reasoning effort.
 */
class OpenAiDetailsTest {

    private static final AttributeKey<Long> SEED = AttributeKey.longKey("gen_ai.request.seed");
    private static final AttributeKey<String> REQUEST_TIER = AttributeKey.stringKey("openai.request.service_tier");
    private static final AttributeKey<String> RESPONSE_TIER = AttributeKey.stringKey("openai.response.service_tier");
    private static final AttributeKey<String> FINGERPRINT =
            AttributeKey.stringKey("openai.response.system_fingerprint");

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void seedAndResponseServiceTierAndFingerprintAreRecorded() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").seed(100).maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();

        model.chat("What is the capital of France?");

        openAi.server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("{\"seed\":100}", true, true)));
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getAttributes().get(SEED)).isEqualTo(100L);
        assertThat(span.getAttributes().get(RESPONSE_TIER)).isEqualTo("default");
        assertThat(span.getAttributes().get(FINGERPRINT)).isEqualTo("fp_06737a9306");
        assertThat(span.getAttributes().get(REQUEST_TIER)).as("no tier was requested").isNull();
    }

    @Test
    void requestedServiceTierCompletionTokenLimitAndReasoningEffortAreRecorded() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();

        model.chat(ChatRequest.builder().messages(UserMessage.from("What is the capital of France?"))
                .parameters(OpenAiChatRequestParameters.builder().serviceTier("flex").maxCompletionTokens(200)
                        .reasoningEffort("low").build())
                .build());

        openAi.server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(
                equalToJson("{\"service_tier\":\"flex\",\"max_completion_tokens\":200,\"reasoning_effort\":\"low\"}",
                        true, true)));
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getAttributes().get(REQUEST_TIER)).isEqualTo("flex");
        assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.request.max_tokens"))).isEqualTo(200L);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.reasoning.level")))
                .isEqualTo("low");
    }

    @Test
    void autoServiceTierIsNotRecorded() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").serviceTier("auto").maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();

        model.chat("What is the capital of France?");

        assertThat(telemetry.awaitSpan().getAttributes().get(REQUEST_TIER)).isNull();
    }

    @Test
    void streamedCallRecordsSeedAndSystemFingerprint() throws Exception {
        openAi.chatStream(
                OpenAiStub.chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null),
                OpenAiStub.chunk("{\"content\":\"Hello!\"}", null),
                OpenAiStub.chunk("{}", "stop"),
                OpenAiStub.usageChunk());
        StreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").seed(7)
                .listeners(List.of(telemetry.langChain4j().chatModelListener())).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        done.get(10, TimeUnit.SECONDS);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getAttributes().get(SEED)).isEqualTo(7L);
        assertThat(span.getAttributes().get(FINGERPRINT)).isEqualTo("fp_06737a9306");
    }
}
