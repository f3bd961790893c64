package dev.genaiotel.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiEmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * provider-langchain4j through langchain4j-core at one end of its supported range, with a chat model of the same
 * release (Google AI Gemini: the model module served at both ends here).
 */
class LangChain4jCompatibilityTest extends CompatibilityFixture {

    static final String MODEL = "gemini-2.0-flash";

    static final String GENERATE_CONTENT = """
            {
              "candidates": [{
                "content": {"parts": [{"text": "Paris is the capital of France."}], "role": "model"},
                "finishReason": "STOP",
                "avgLogprobs": -0.0412
              }],
              "usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 7, "totalTokenCount": 15,
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 8}]},
              "modelVersion": "gemini-2.0-flash",
              "responseId": "mK9oaLvzJ5ql1dkP7o2l4Q8"
            }
            """;

    static final String STREAM = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hello\"}],"
            + "\"role\": \"model\"}}],\"usageMetadata\": {\"promptTokenCount\": 5,\"totalTokenCount\": 5},"
            + "\"modelVersion\": \"gemini-2.0-flash\",\"responseId\": \"Xb1oaNT1Lb6x1dkP9Zy4yQE\"}\r\n\r\n"
            + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \", world!\"}],\"role\": \"model\"},"
            + "\"finishReason\": \"STOP\"}],\"usageMetadata\": {\"promptTokenCount\": 5,\"candidatesTokenCount\": 4,"
            + "\"totalTokenCount\": 9},\"modelVersion\": \"gemini-2.0-flash\","
            + "\"responseId\": \"Xb1oaNT1Lb6x1dkP9Zy4yQE\"}\r\n\r\n";

    @Test
    void chatThroughTheListenerRecordsRequestAndResponse() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1beta/models/" + MODEL + ":generateContent"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(GENERATE_CONTENT)));
        ChatModel model = GoogleAiGeminiChatModel.builder().baseUrl(server.baseUrl() + "/v1beta")
                .apiKey("gemini-test-key-not-secret").modelName(MODEL).temperature(0.3).maxRetries(0)
                .listeners(List.of(LangChain4jTelemetry.create(genAi).chatModelListener())).build();

        String answer = model.chat("What is the capital of France?");

        assertThat(answer).isEqualTo("Paris is the capital of France.");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("gcp.gemini");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.3);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("mK9oaLvzJ5ql1dkP7o2l4Q8");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))
                .isEqualTo("Paris is the capital of France.");
    }

    @Test
    void streamThroughTheWrappedModelRecordsItsSpan() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1beta/models/" + MODEL + ":streamGenerateContent"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(STREAM)));
        StreamingChatModel model = LangChain4jTelemetry.create(genAi).wrap(GoogleAiGeminiStreamingChatModel
                .builder().baseUrl(server.baseUrl() + "/v1beta").apiKey("gemini-test-key-not-secret")
                .modelName(MODEL).build());
        StringBuilder text = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Say hello to the world.", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                text.append(partialResponse);
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

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello, world!");
        assertThat(text).hasToString("Hello, world!");
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo("Hello, world!");
    }

    /** LangChain4j 1.16 lacks the embedding request on its listener contexts: the span is recorded all the same. */
    @Test
    void embeddingThroughTheListenerRecordsItsSpan() throws Exception {
        String vector = "{\"values\": [0.0132, -0.0087, 0.0421, 0.0005]}";
        server.stubFor(post(urlPathMatching("/v1beta/models/text-embedding-004:(batchEmbedContents|embedContent)"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"embedding\": " + vector + ", \"embeddings\": [" + vector + "]}")));
        EmbeddingModel model = GoogleAiEmbeddingModel.builder().baseUrl(server.baseUrl() + "/v1beta")
                .apiKey("gemini-test-key-not-secret").modelName("text-embedding-004").maxRetries(0).build()
                .addListener(LangChain4jTelemetry.create(genAi).embeddingModelListener());

        Embedding embedding = model.embed("Paris is the capital of France.").content();

        assertThat(embedding.vector()).containsExactly(0.0132f, -0.0087f, 0.0421f, 0.0005f);
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("embeddings text-embedding-004");
        assertThat(attr(span, GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
}
