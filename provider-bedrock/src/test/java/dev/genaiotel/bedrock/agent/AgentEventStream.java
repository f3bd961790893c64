package dev.genaiotel.bedrock.agent;

import dev.genaiotel.bedrock.EventStreams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An {@code InvokeAgent} response body in AWS's binary event-stream framing, encoded with the SDK's own encoder
 * through {@link EventStreams}. Payloads are the JSON the service sends for each agent event type.
 */
final class AgentEventStream {

    private final EventStreams body = EventStreams.builder();

    /** A {@code chunk} event carrying {@code text} as its base64 {@code bytes}. */
    AgentEventStream chunk(String text) {
        return chunkBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code chunk} event carrying raw bytes (for a character split across two chunks). */
    AgentEventStream chunkBytes(byte[] bytes) {
        return event("chunk", "{\"bytes\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
    }

    /** A {@code trace} event with an orchestration model-invocation output reporting usage. */
    AgentEventStream orchestrationUsage(int inputTokens, int outputTokens) {
        return trace("{\"orchestrationTrace\":{\"modelInvocationOutput\":{\"traceId\":\"t-orch\","
                + "\"rawResponse\":{\"content\":\"<thinking>done</thinking>\"},"
                + "\"metadata\":{\"clientRequestId\":\"c-1\",\"totalTimeMs\":412,"
                + "\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + "}}}}}");
    }

    /** A {@code trace} event with a pre-processing model-invocation output reporting usage. */
    AgentEventStream preProcessingUsage(int inputTokens, int outputTokens) {
        return trace("{\"preProcessingTrace\":{\"modelInvocationOutput\":{\"traceId\":\"t-pre\","
                + "\"parsedResponse\":{\"isValid\":true,\"rationale\":\"on topic\"},"
                + "\"metadata\":{\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens
                + "}}}}}");
    }

    /** A {@code trace} event with an orchestration rationale, which carries no usage. */
    AgentEventStream orchestrationRationale(String text) {
        return trace("{\"orchestrationTrace\":{\"rationale\":{\"traceId\":\"t-rat\",\"text\":\"" + text + "\"}}}");
    }

    /** An exception event, as the service sends an error in the middle of the stream. */
    AgentEventStream exception(String memberName, String message) {
        body.exception(memberName, message);
        return this;
    }

    /** The encoded body. */
    byte[] bytes() {
        return body.build();
    }

    /** The encoded body with one payload byte of the last frame flipped, so that its CRC no longer matches. */
    byte[] bytesWithCorruptLastFrame() {
        return body.buildCorrupted();
    }

    /** The encoded body cut off {@code count} bytes before its end, in the middle of the last frame. */
    byte[] bytesTruncated(int count) {
        return body.buildTruncated(count);
    }

    private AgentEventStream trace(String traceJson) {
        return event("trace", "{\"agentId\":\"" + AgentRuntimeFixture.AGENT_ID + "\",\"agentAliasId\":\""
                + AgentRuntimeFixture.ALIAS_ID + "\",\"agentVersion\":\"3\",\"sessionId\":\""
                + AgentRuntimeFixture.SESSION_ID + "\",\"eventTime\":\"2026-11-22T06:30:00Z\",\"trace\":" + traceJson
                + "}");
    }

    private AgentEventStream event(String eventType, String json) {
        body.event(eventType, json);
        return this;
    }
}
