package dev.genaiotel.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** provider-anthropic through anthropic-java at one end of its supported range. */
class AnthropicCompatibilityTest extends CompatibilityFixture {

    static final String MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Paris is the capital of France."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":14,"output_tokens":9,"service_tier":"standard"}}""";

    static final String STREAM = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":"
            + "\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
            + "\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("ping", "{\"type\": \"ping\"}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\" there!\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");

    AnthropicClient rawClient;
    AnthropicClient client;

    @BeforeEach
    void startClient() {
        rawClient = AnthropicOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("sk-ant-test-key-not-secret")
                .maxRetries(0).build();
        client = AnthropicTelemetry.create(genAi).wrap(rawClient);
    }

    @AfterEach
    void closeClient() {
        rawClient.close();
    }

    static MessageCreateParams params(String question) {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(1024).addUserMessage(question)
                .build();
    }

    @Test
    void messageRecordsRequestAndResponse() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));

        Message message = client.messages().create(params("What is the capital of France?"));

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Paris is the capital of France.");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat claude-sonnet-4-5");
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("anthropic");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(1024L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_MODEL)).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(14L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(9L);
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))
                .isEqualTo("Paris is the capital of France.");
    }

    @Test
    void streamedMessageCompletesAndRecordsItsSpan() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));

        String text;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params("Say hello."))) {
            text = stream.stream().flatMap(event -> event.contentBlockDelta().stream())
                    .flatMap(delta -> delta.delta().text().stream())
                    .map(textDelta -> textDelta.text())
                    .collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Hello there!");
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(25L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(15L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo("Hello there!");
    }

    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
