package dev.genaiotel.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.bedrock.backends.BedrockBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.foundry.backends.FoundryBackend;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.vertex.backends.VertexBackend;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** anthropic-java's other backends: the provider name is the backend's, the server its base URL. */
class BackendsTest extends AnthropicFixture {

    private static final String BEDROCK_MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String VERTEX_MODEL = "claude-sonnet-4-5@20250929";
    private static final String VERTEX_PROJECT = "genai-otel-test";
    private static final String VERTEX_REGION = "us-east5";
    private static final String VERTEX_MODEL_PATH = "/v1/projects/" + VERTEX_PROJECT + "/locations/" + VERTEX_REGION
            + "/publishers/anthropic/models/" + VERTEX_MODEL;
    /** An OAuth access token that has not expired, so the Google auth library never tries to refresh it. */
    private static final String VERTEX_ACCESS_TOKEN = "ya29.fake-access-token-not-secret";
    private static final String FOUNDRY_API_KEY = "fake-foundry-api-key-not-secret";

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

    @Test
    void vertexBackendIsReportedAsGcpVertexAiAndCallsRawPredict() {
        server.stubFor(post(urlPathEqualTo(VERTEX_MODEL_PATH + ":rawPredict")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(Payloads.TEXT_MESSAGE)));
        AnthropicClient vertex = vertexClient();
        try {
            AnthropicClient client = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(vertex);
            Message message = client.messages().create(MessageCreateParams.builder().model(VERTEX_MODEL)
                    .maxTokens(1024).addUserMessage("Hello, Claude").build());

            assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            // Vertex takes the model from the path and the API version from the body.
            server.verify(postRequestedFor(urlPathEqualTo(VERTEX_MODEL_PATH + ":rawPredict"))
                    .withHeader("Authorization", equalTo("Bearer " + VERTEX_ACCESS_TOKEN))
                    .withRequestBody(equalToJson("{\"anthropic_version\":\"${json-unit.any-string}\",\"max_tokens\":1024,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello, Claude\"}]}")));
            SpanData span = onlySpan();
            assertThat(span.getName()).isEqualTo("chat " + VERTEX_MODEL);
            assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("gcp.vertex_ai");
            assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo(VERTEX_MODEL);
            assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
            assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
            assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(312L);
            assertThat(span.getAttributes().asMap().values()).noneMatch(v -> v.toString().contains("ya29"));
        } finally {
            vertex.close();
        }
    }

    @Test
    void vertexStreamIsReportedAsGcpVertexAiAndCallsStreamRawPredict() {
        server.stubFor(post(urlPathEqualTo(VERTEX_MODEL_PATH + ":streamRawPredict")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(Payloads.TEXT_STREAM)));
        AnthropicClient vertex = vertexClient();
        try {
            AnthropicClient client = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(vertex);
            List<RawMessageStreamEvent> events;
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(
                    MessageCreateParams.builder().model(VERTEX_MODEL).maxTokens(1024)
                            .addUserMessage("Hello, Claude").build())) {
                events = stream.stream().toList();
            }

            assertThat(events).hasSize(7);
            server.verify(postRequestedFor(urlPathEqualTo(VERTEX_MODEL_PATH + ":streamRawPredict"))
                    .withHeader("Authorization", equalTo("Bearer " + VERTEX_ACCESS_TOKEN)));
            SpanData span = onlySpan();
            assertThat(span.getName()).isEqualTo("chat " + VERTEX_MODEL);
            assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("gcp.vertex_ai");
            assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isTrue();
            assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
            assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
            assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
            assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(15L);
        } finally {
            vertex.close();
        }
    }

    @Test
    void foundryBackendIsReportedAsAnthropicOnItsResource() {
        server.stubFor(post(urlPathEqualTo("/anthropic/v1/messages")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(Payloads.TEXT_MESSAGE)));
        AnthropicClient foundry = AnthropicOkHttpClient.builder()
                .backend(FoundryBackend.builder().apiKey(FOUNDRY_API_KEY).baseUrl(server.baseUrl()).build())
                .maxRetries(0).build();
        try {
            AnthropicClient client = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(foundry);
            Message message = client.messages().create(MessageCreateParams.builder().model(Payloads.MODEL)
                    .maxTokens(1024).addUserMessage("Hello, Claude").build());

            assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
            server.verify(postRequestedFor(urlPathEqualTo("/anthropic/v1/messages"))
                    .withHeader("x-api-key", equalTo(FOUNDRY_API_KEY)));
            SpanData span = onlySpan();
            assertThat(span.getName()).isEqualTo("chat " + Payloads.MODEL);
            assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("anthropic");
            assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo(Payloads.MODEL);
            assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
            assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
            assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(312L);
            assertThat(span.getAttributes().asMap().values()).noneMatch(v -> v.toString().contains(FOUNDRY_API_KEY));
        } finally {
            foundry.close();
        }
    }

    /** The Vertex backend with an access token valid for an hour: no Google endpoint is ever asked. */
    private AnthropicClient vertexClient() {
        GoogleCredentials credentials = GoogleCredentials.create(new AccessToken(VERTEX_ACCESS_TOKEN,
                Date.from(Instant.now().plus(1, ChronoUnit.HOURS))));
        return AnthropicOkHttpClient.builder()
                .backend(VertexBackend.builder().googleCredentials(credentials).project(VERTEX_PROJECT)
                        .region(VERTEX_REGION).baseUrl(server.baseUrl()).build())
                .maxRetries(0).build();
    }
}
