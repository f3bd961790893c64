package dev.genaiotel.bedrock.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.bedrock.internal.agent.TracedAgentRuntimeAsyncClient;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;

/**
 * A WireMock server on loopback standing in for Bedrock Agents, the real {@link BedrockAgentRuntimeAsyncClient} on
 * Netty over HTTP/1.1 pointed at it (static credentials, no retries), and an SDK whose spans are read back from an
 * in-memory exporter.
 */
abstract class AgentRuntimeFixture {

    static final String AGENT_ID = "AGT7KQ2XBZ";
    static final String ALIAS_ID = "TSTALIASID";
    static final String SESSION_ID = "session-5f1c";
    static final String INPUT_TEXT = "What is the status of order 1234?";
    static final String INVOKE_PATH = "/agents/" + AGENT_ID + "/agentAliases/" + ALIAS_ID + "/sessions/"
            + SESSION_ID + "/text";
    static final String ACCESS_KEY = "AKIDEXAMPLEAGENTTEST";
    static final String SECRET_KEY = "agent-test-secret-key-not-real";

    /** One Netty client for all tests: closing one waits for its event loop's quiet period. */
    private static SdkAsyncHttpClient httpClient;

    WireMockServer server;
    InMemorySpanExporter spans;
    OpenTelemetrySdk sdk;
    BedrockAgentRuntimeAsyncClient rawClient;

    @BeforeAll
    static void startHttpClient() {
        httpClient = NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1).build();
    }

    @AfterAll
    static void stopHttpClient() {
        httpClient.close();
    }

    @BeforeEach
    void startFixture() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spans = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        rawClient = BedrockAgentRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .httpClient(httpClient)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stopFixture() {
        rawClient.close();
        server.stop();
        sdk.close();
    }

    /** The instrumented client, content capture off, settings not read from this process. */
    BedrockAgentRuntimeAsyncClient client() {
        return client(builder -> { });
    }

    /** The instrumented client with telemetry settings adjusted by {@code settings}. */
    BedrockAgentRuntimeAsyncClient client(Consumer<GenAiTelemetryBuilder> settings) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk)
                .setSettingsSources(key -> null, key -> null)
                .setServiceLoaderListeners(false);
        settings.accept(builder);
        return new TracedAgentRuntimeAsyncClient(builder.build(), rawClient);
    }

    /** The instrumented client with content on spans. */
    BedrockAgentRuntimeAsyncClient contentClient() {
        return client(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY));
    }

    static InvokeAgentRequest request(boolean enableTrace) {
        return InvokeAgentRequest.builder()
                .agentId(AGENT_ID)
                .agentAliasId(ALIAS_ID)
                .sessionId(SESSION_ID)
                .inputText(INPUT_TEXT)
                .enableTrace(enableTrace)
                .build();
    }

    /** Answers InvokeAgent with an event stream. */
    void stubEventStream(byte[] body) {
        server.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-bedrock-agent-content-type", "application/json")
                .withHeader("x-amz-bedrock-agent-session-id", SESSION_ID)
                .withHeader("x-amzn-RequestId", "7e4a1f0c-0d2b-4c55-9f7e-1a2b3c4d5e6f")
                .withBody(body)));
    }

    /** Answers InvokeAgent with a service error, as Bedrock does over HTTP. */
    void stubServiceError(int status, String errorType, String message) {
        server.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "0b6c7d8e-1111-2222-3333-444455556666")
                .withBody("{\"message\":\"" + message + "\"}")));
    }

    SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    /** The span's attributes by key name. */
    static Map<String, Object> attributes(SpanData span) {
        Map<String, Object> byName = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> byName.put(key.getKey(), value));
        return byName;
    }
}
