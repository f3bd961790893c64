package dev.genaiotel.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Builds AWS binary event-stream bodies (application/vnd.amazon.eventstream) with the SDK's own encoder
 * ({@code software.amazon.eventstream.Message}), as Bedrock sends them: each frame has a {@code :message-type}
 * header ({@code event} or {@code exception}), the event or exception type and a JSON payload. Reusable by every
 * test of this module that stubs a streaming operation.
 */
@SuppressWarnings("exports") // test helper: its signatures name the SDK's event-stream types
public final class EventStreams {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private EventStreams() {}

    /** An empty stream body. */
    public static EventStreams builder() {
        return new EventStreams();
    }

    /** Appends an event frame whose payload is {@code json}. */
    public EventStreams event(String eventType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a modelled exception frame, such as {@code throttlingException} or {@code modelStreamErrorException}. */
    public EventStreams exception(String exceptionType, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(headers, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends a {@code chunk} event carrying {@code payload} in UTF-8: the model's own JSON for
     * InvokeModelWithResponseStream, a piece of the answer for InvokeAgent.
     */
    public EventStreams chunk(String payload) {
        return chunk(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends a {@code chunk} event carrying raw bytes, base64-encoded in its {@code bytes} member as Bedrock sends
     * them (for a character split across two chunks).
     */
    public EventStreams chunk(byte[] payload) {
        return event("chunk", "{\"bytes\":\"" + Base64.getEncoder().encodeToString(payload) + "\"}");
    }

    /** Appends a frame with the given headers and payload. */
    public EventStreams frame(Map<String, HeaderValue> headers, byte[] payload) {
        try {
            new Message(headers, payload).encode(body);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not encode an event-stream frame", e);
        }
        return this;
    }

    /** Appends raw bytes, to build malformed streams. */
    public EventStreams raw(byte[] bytes) {
        body.write(bytes, 0, bytes.length);
        return this;
    }

    /** The body so far. */
    public byte[] build() {
        return body.toByteArray();
    }

    /** The body so far without its last {@code count} bytes: a stream cut off in the middle of a frame. */
    public byte[] buildTruncated(int count) {
        byte[] all = body.toByteArray();
        return Arrays.copyOf(all, Math.max(0, all.length - count));
    }

    /** The body so far with one payload byte flipped in its last frame, so that the frame's CRC does not match. */
    public byte[] buildCorrupted() {
        byte[] all = body.toByteArray();
        all[all.length - 6] ^= 0x5A;
        return all;
    }
}
