package dev.genaiotel.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.eventstream.HeaderValue;

/** provider-bedrock through the AWS SDK's Bedrock Runtime clients at one end of the supported range. */
class BedrockCompatibilityTest extends CompatibilityFixture {

    static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    static final String CONVERSE_RESPONSE = """
            {
              "output": {"message": {"role": "assistant", "content": [{"text": "Paris is the capital of France."}]}},
              "stopReason": "end_turn",
              "usage": {"inputTokens": 14, "outputTokens": 9, "totalTokens": 23},
              "metrics": {"latencyMs": 412}
            }
            """;

    private AutoCloseable client;

    @AfterEach
    void closeClient() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void converseThroughTheInterceptorRecordsRequestAndResponse() throws Exception {
        server.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "5f0f4a8e-0000-4000-8000-000000000001").withBody(CONVERSE_RESPONSE)));
        BedrockRuntimeClient sync = BedrockRuntimeClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(credentials()).endpointOverride(URI.create(server.baseUrl()))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(BedrockTelemetry.create(genAi).newExecutionInterceptor()))
                .build();
        client = sync;

        ConverseResponse response = sync.converse(r -> r.modelId(MODEL)
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("What is the capital of France?")).build())
                .inferenceConfig(c -> c.maxTokens(128).temperature(0.5f)));

        assertThat(response.output().message().content().get(0).text()).isEqualTo("Paris is the capital of France.");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("aws.bedrock");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(128L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.5);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(14L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(9L);
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))
                .isEqualTo("Paris is the capital of France.");
    }

    @Test
    void converseStreamThroughTheWrappedClientRecordsItsSpan() throws Exception {
        byte[] events = eventStream(
                "messageStart", "{\"role\":\"assistant\"}",
                "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"}}",
                "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\", world!\"}}",
                "contentBlockStop", "{\"contentBlockIndex\":0}",
                "messageStop", "{\"stopReason\":\"end_turn\"}",
                "metadata", "{\"usage\":{\"inputTokens\":11,\"outputTokens\":4,\"totalTokens\":15},"
                        + "\"metrics\":{\"latencyMs\":233}}");
        server.stubFor(post(urlPathMatching("/model/.+/converse-stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-RequestId", "5f0f4a8e-0000-4000-8000-000000000003").withBody(events)));
        BedrockRuntimeAsyncClient raw = BedrockRuntimeAsyncClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(credentials()).endpointOverride(URI.create(server.baseUrl()))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        client = raw;
        BedrockRuntimeAsyncClient async = BedrockTelemetry.create(genAi).wrap(raw);

        StringBuilder text = new StringBuilder();
        async.converseStream(ConverseStreamRequest.builder().modelId(MODEL)
                        .messages(Message.builder().role(ConversationRole.USER)
                                .content(ContentBlock.fromText("Say hello to the world.")).build()).build(),
                ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(delta -> text.append(delta.delta().text())).build()).build())
                .get(10, TimeUnit.SECONDS);

        assertThat(text).hasToString("Hello, world!");
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(11L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(outputText(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isEqualTo("Hello, world!");
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTEXAMPLE12345",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYTESTSECRETKEY"));
    }

    /** An AWS event-stream body (application/vnd.amazon.eventstream) of JSON events, in type and payload pairs. */
    static byte[] eventStream(String... typesAndPayloads) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < typesAndPayloads.length; i += 2) {
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            headers.put(":message-type", HeaderValue.fromString("event"));
            headers.put(":event-type", HeaderValue.fromString(typesAndPayloads[i]));
            headers.put(":content-type", HeaderValue.fromString("application/json"));
            new software.amazon.eventstream.Message(headers,
                    typesAndPayloads[i + 1].getBytes(StandardCharsets.UTF_8)).encode(body);
        }
        return body.toByteArray();
    }
}
