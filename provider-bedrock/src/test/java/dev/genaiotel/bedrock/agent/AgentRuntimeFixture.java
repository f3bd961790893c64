package dev.genaiotel.bedrock.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.genaiotel.bedrock.BedrockFixture;
import dev.genaiotel.bedrock.internal.agent.TracedAgentRuntimeAsyncClient;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;

/**
 * The {@link BedrockFixture} (WireMock on loopback, in-memory exporters) with its server standing in for Bedrock
 * Agents, the real {@link BedrockAgentRuntimeAsyncClient} on Netty over HTTP/1.1 pointed at it (static credentials,
 * no retries), and the InvokeAgent payloads of one agent, alias and session.
 */
abstract class AgentRuntimeFixture extends BedrockFixture {

    static final String AGENT_ID = "AGT7KQ2XBZ";
    static final String ALIAS_ID = "TSTALIASID";
    static final String SESSION_ID = "session-5f1c";
    static final String INPUT_TEXT = "What is the status of order 1234?";
    static final String INVOKE_PATH = "/agents/" + AGENT_ID + "/agentAliases/" + ALIAS_ID + "/sessions/"
            + SESSION_ID + "/text";

    /** One Netty client for all tests: closing one waits for its event loop's quiet period. */
    private static SdkAsyncHttpClient httpClient;

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
    void startAgentClient() {
        rawClient = BedrockAgentRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint())
                .httpClient(httpClient)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stopAgentClient() {
        rawClient.close();
    }

    /** The instrumented client, content capture off, settings not read from this process. */
    BedrockAgentRuntimeAsyncClient client() {
        return client(builder -> { });
    }

    /** The instrumented client with telemetry settings adjusted by {@code settings}. */
    BedrockAgentRuntimeAsyncClient client(Consumer<GenAiTelemetryBuilder> settings) {
        return new TracedAgentRuntimeAsyncClient(genAi(ContentCapture.NO_CONTENT, settings), rawClient);
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
        server.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(eventStreamAnswer(body)
                .withHeader("x-amzn-bedrock-agent-content-type", "application/json")
                .withHeader("x-amz-bedrock-agent-session-id", SESSION_ID)));
    }

    /** Answers InvokeAgent with a service error, as Bedrock does over HTTP. */
    void stubServiceError(int status, String errorType, String message) {
        server.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(errorAnswer(status, errorType, message)));
    }

    /** The JSON of a {@code trace} event with an orchestration model-invocation output reporting usage. */
    static String orchestrationUsage(int inputTokens, int outputTokens) {
        return trace("{\"orchestrationTrace\":{\"modelInvocationOutput\":{\"traceId\":\"t-orch\","
                + "\"rawResponse\":{\"content\":\"<thinking>done</thinking>\"},"
                + "\"metadata\":{\"clientRequestId\":\"c-1\",\"totalTimeMs\":412,"
                + "\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + "}}}}}");
    }

    /** The JSON of a {@code trace} event with a pre-processing model-invocation output reporting usage. */
    static String preProcessingUsage(int inputTokens, int outputTokens) {
        return trace("{\"preProcessingTrace\":{\"modelInvocationOutput\":{\"traceId\":\"t-pre\","
                + "\"parsedResponse\":{\"isValid\":true,\"rationale\":\"on topic\"},"
                + "\"metadata\":{\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens
                + "}}}}}");
    }

    /** The JSON of a {@code trace} event with an orchestration rationale, which carries no usage. */
    static String orchestrationRationale(String text) {
        return trace("{\"orchestrationTrace\":{\"rationale\":{\"traceId\":\"t-rat\",\"text\":\"" + text + "\"}}}");
    }

    private static String trace(String traceJson) {
        return "{\"agentId\":\"" + AGENT_ID + "\",\"agentAliasId\":\"" + ALIAS_ID + "\",\"agentVersion\":\"3\","
                + "\"sessionId\":\"" + SESSION_ID + "\",\"eventTime\":\"2026-11-22T06:30:00Z\",\"trace\":" + traceJson
                + "}";
    }

    /** The span's attributes by key name. */
    static Map<String, Object> attributes(SpanData span) {
        Map<String, Object> byName = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> byName.put(key.getKey(), value));
        return byName;
    }
}
