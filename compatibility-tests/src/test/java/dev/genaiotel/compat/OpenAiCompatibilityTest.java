package dev.genaiotel.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** provider-openai through openai-java at one end of its supported range. */
class OpenAiCompatibilityTest extends CompatibilityFixture {

    static final String CHAT_COMPLETION = """
            {
              "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-mini-2024-07-18",
              "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": "Paris is the capital of France.", "refusal": null,
                  "annotations": []},
                "logprobs": null,
                "finish_reason": "stop"
              }],
              "usage": {
                "prompt_tokens": 17, "completion_tokens": 8, "total_tokens": 25,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "text_tokens": 8,
                  "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
              },
              "service_tier": "default",
              "system_fingerprint": "fp_06737a9306"
            }
            """;

    static final String CHAT_STREAM = sse(
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
                    + "\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],"
                    + "\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + "\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + "\" world\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                    + "\"completion_tokens\":2,\"total_tokens\":11,\"prompt_tokens_details\":{\"cached_tokens\":0,"
                    + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                    + "\"audio_tokens\":0,\"text_tokens\":2}}}");

    OpenAIClient rawClient;
    OpenAIClient client;

    @BeforeEach
    void startClient() {
        rawClient = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").apiKey("sk-test-key-not-secret")
                .maxRetries(0).build();
        client = OpenAITelemetry.create(genAi).wrap(rawClient);
    }

    @AfterEach
    void closeClient() {
        rawClient.close();
    }

    @Test
    void chatCompletionRecordsRequestAndResponse() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(json(CHAT_COMPLETION)));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("What is the capital of France?")
                .temperature(0.2).maxCompletionTokens(64L).build());

        assertThat(completion.choices().get(0).message().content()).hasValue("Paris is the capital of France.");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(64L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(17L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(8L);
        assertThat(attr(span, GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("default");
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))
                .isEqualTo("Paris is the capital of France.");
    }

    /** Spring AI 2.0.1 brings openai-java 4.49.0, whose chunks have no audio deltas to read. */
    @Test
    void streamedChatCompletesAndRecordsItsSpan() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(CHAT_STREAM)));

        String text;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hello.")
                        .build())) {
            text = stream.stream().flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Hello world");
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-s1");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(9L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo("Hello world");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String sse(String... chunks) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }
}
