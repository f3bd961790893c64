package dev.genaiotel.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.bedrock.backends.BedrockBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** anthropic-java's other backends: the provider name is the backend's, the server its base URL. */
class BackendsTest extends AnthropicFixture {

    private static final String BEDROCK_MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";

    @Test
    void bedrockBackendIsReportedAsAwsBedrock() {
        server.stubFor(post(urlPathEqualTo("/model/" + BEDROCK_MODEL + "/invoke")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(Payloads.TEXT_MESSAGE)));
        AnthropicClient bedrock = AnthropicOkHttpClient.builder()
                .backend(BedrockBackend.builder().apiKey("fake-bedrock-api-key").region(Region.US_EAST_1)
                        .baseUrl(server.baseUrl()).build())
                .maxRetries(0).build();
        try {
            AnthropicClient client = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(bedrock);
            Message message = client.messages().create(MessageCreateParams.builder().model(BEDROCK_MODEL)
                    .maxTokens(1024).addUserMessage("Hello, Claude").build());

            assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            server.verify(postRequestedFor(urlPathEqualTo("/model/" + BEDROCK_MODEL + "/invoke")));
            SpanData span = onlySpan();
            assertThat(span.getName()).isEqualTo("chat " + BEDROCK_MODEL);
            assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("aws.bedrock");
            assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo(BEDROCK_MODEL);
            assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
            assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
            assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(312L);
        } finally {
            bedrock.close();
        }
    }
}
