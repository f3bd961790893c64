package dev.genaiotel.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.core.Embeddings;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.Invocation;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.ollama.ChatResponse;
import dev.genaiotel.ollama.EmbedRequest;
import dev.genaiotel.ollama.GenerateResponse;
import dev.genaiotel.ollama.OllamaException;
import dev.genaiotel.ollama.OllamaModelNotFoundException;
import dev.genaiotel.ollama.OllamaServerException;
import dev.genaiotel.semconv.ProviderName;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * One instrumented Ollama call: maps the request at start, observes the response body as it streams past (a copy
 * of each line, bounded by {@code maxLineBytes}) and ends the operation exactly once, on the final chunk, an error,
 * the end or failure of the body, or its cancellation.
 *
 * <p>{@code error.type} values: the HTTP status code ({@code 404}, {@code 500}) for an error answer;
 * {@code stream_error} for an {@code error} line inside a stream; {@code incomplete_stream} for a stream that ended
 * without its final {@code done} chunk; {@code stream_abandoned} for a streamed body the application dropped unread
 * ({@link WatchedBody}); {@code dev.genaiotel.ollama.OllamaException} for a stream that stopped after a line that is
 * not JSON; otherwise the exception's class name (connection refused, timeout, I/O).
 */
final class OllamaExchange {

    static final String STREAM_ERROR = "stream_error";
    static final String INCOMPLETE_STREAM = "incomplete_stream";

    private static final int INITIAL_LINE_BYTES = 512;
    private static final String NDJSON = "application/x-ndjson";

    private final Endpoint endpoint;
    private final Inference inference;
    private final Embeddings embeddings;
    private final Invocation invocation;
    private final boolean requestStreams;
    private final int maxLineBytes;

    private int status;
    private boolean streamed;
    private byte[] line = new byte[INITIAL_LINE_BYTES];
    private int length;
    private boolean overflow;
    private int toolCalls;
    private String errorMessage;
    private boolean malformedLine;
    private volatile Flow.Subscription bodySubscription;

    private OllamaExchange(Endpoint endpoint, Inference inference, Embeddings embeddings,
            boolean requestStreams, int maxLineBytes) {
        this.endpoint = endpoint;
        this.inference = inference;
        this.embeddings = embeddings;
        this.invocation = inference != null ? inference : embeddings;
        this.requestStreams = requestStreams;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Starts the operation for an Ollama request; null for any other request, and when nothing is recorded (the
     * core hands out an already ended pass-through invocation for a no-op OpenTelemetry), so that the request
     * then goes to the wrapped client without any wrapping.
     */
    static OllamaExchange start(HttpRequest request, GenAiTelemetry telemetry, int maxLineBytes,
            int maxRequestBytes) {
        if (!telemetry.isRecording()) {
            return null;
        }
        URI uri = request.uri();
        Endpoint endpoint = Endpoint.of(request.method(), uri.getRawPath());
        if (endpoint == null) {
            return null;
        }
        String host = uri.getHost();
        Long port = host == null ? null : (long) port(uri);
        JsonNode body = null;
        byte[] bytes = RequestBodies.read(request, maxRequestBytes);
        if (bytes != null) {
            try {
                body = WireFormat.parse(bytes, 0, bytes.length);
            } catch (IOException e) {
                body = null;
            }
        }
        if (body != null && !body.isObject()) {
            body = null;
        }
        if (endpoint.embeddings()) {
            EmbedRequest embedRequest = body == null ? null : WireFormat.embedRequest(body);
            EmbeddingsRequest mapped = embedRequest != null
                    ? SemconvMapping.embed(embedRequest, host, port)
                    : new EmbeddingsRequest(ProviderName.OLLAMA, null, null, null, host, port, null);
            Embeddings embeddings = telemetry.startEmbeddings(mapped);
            return embeddings.isEnded() ? null
                    : new OllamaExchange(endpoint, null, embeddings, false, maxLineBytes);
        }
        boolean streams = body == null || WireFormat.streams(body);
        InferenceRequest mapped;
        if (body == null) {
            mapped = InferenceRequest.builder(endpoint.operationName, ProviderName.OLLAMA)
                    .server(host, port).build();
        } else if (endpoint == Endpoint.CHAT) {
            mapped = SemconvMapping.chat(WireFormat.chatRequest(body, false), body, streams, host, port);
        } else {
            mapped = SemconvMapping.generate(WireFormat.generateRequest(body), streams, host, port);
        }
        Inference inference = telemetry.startInference(mapped);
        return inference.isEnded() ? null
                : new OllamaExchange(endpoint, inference, null, streams, maxLineBytes);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    Scope makeCurrent() {
        return invocation.makeCurrent();
    }

    <T> HttpResponse.BodyHandler<T> observe(HttpResponse.BodyHandler<T> handler) {
        return info -> {
            try {
                onHeaders(info);
            } catch (Throwable t) {
                FailSoft.log("response headers", t);
            }
            return new ObservingBodySubscriber<>(handler.apply(info), this);
        };
    }

    /** The response body's subscription: cancelled when the application abandons a streamed body. */
    void subscribed(Flow.Subscription subscription) {
        bodySubscription = subscription;
    }

    /**
     * The response for the application: one whose body is a stream is handed over in a view whose body is watched,
     * so that dropping it unread ends the call as abandoned and releases the connection.
     */
    <T> HttpResponse<T> watched(HttpResponse<T> response) {
        try {
            return WatchedBody.response(response, invocation, this::cancelBody);
        } catch (RuntimeException e) {
            FailSoft.log("response body watch", e);
            return response;
        }
    }

    /** Cancels the response body's subscription; refers to nothing the application holds. */
    private void cancelBody() {
        Flow.Subscription subscription = bodySubscription;
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** The call failed before or instead of a response body (connection refused, timeout, ...). */
    void sendFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        synchronized (this) {
            invocation.fail(cause);
        }
    }

    private synchronized void onHeaders(HttpResponse.ResponseInfo info) {
        status = info.statusCode();
        String contentType = info.headers().firstValue("Content-Type").orElse(null);
        streamed = status / 100 == 2 && !endpoint.embeddings()
                && (contentType == null ? requestStreams
                        : contentType.regionMatches(true, 0, NDJSON, 0, NDJSON.length()));
    }

    /**
     * Copies each buffer's bytes (one bulk copy: the JDK hands out read-only buffers) after the pending partial
     * line, then handles every complete line. At most {@code maxLineBytes} are kept: a longer line is dropped up to
     * its newline.
     */
    synchronized void onBytes(List<ByteBuffer> buffers) {
        for (int b = 0, n = buffers.size(); b < n; b++) {
            ByteBuffer buffer = buffers.get(b);
            int position = buffer.position();
            int limit = buffer.limit();
            while (position < limit) {
                if (invocation.isEnded()) {
                    return;
                }
                if (overflow) {
                    int newline = indexOfNewline(buffer, position, limit);
                    if (newline < 0) {
                        break;
                    }
                    overflow = false;
                    position = newline + 1;
                    continue;
                }
                int room = maxLineBytes - length;
                if (room == 0) {
                    overflow = true;
                    length = 0;
                    continue;
                }
                int count = Math.min(room, limit - position);
                if (length + count > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + count, line.length * 2)));
                }
                buffer.get(position, line, length, count);
                int scanFrom = length;
                length += count;
                position += count;
                completeLines(scanFrom);
            }
        }
    }

    private static int indexOfNewline(ByteBuffer buffer, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (buffer.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void completeLines(int scanFrom) {
        byte[] bytes = line;
        int start = 0;
        int end = length;
        for (int i = LineScanner.indexOfNewline(bytes, scanFrom, end); i >= 0;
                i = LineScanner.indexOfNewline(bytes, i + 1, end)) {
            if (i > start) {
                handle(bytes, start, i - start);
            }
            start = i + 1;
            if (invocation.isEnded()) {
                length = 0;
                return;
            }
        }
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, length - start);
            length -= start;
            if (length == 0 && bytes.length > INITIAL_LINE_BYTES << 4) {
                line = new byte[INITIAL_LINE_BYTES];
            }
        }
    }

    private void handle(byte[] bytes, int offset, int size) {
        try {
            line(bytes, offset, size);
        } catch (RuntimeException e) {
            FailSoft.log("response line", e);
        }
    }

    synchronized void onComplete() {
        if (invocation.isEnded()) {
            return;
        }
        if (!overflow && length > 0) {
            handle(line, 0, length);
        }
        length = 0;
        if (invocation.isEnded()) {
            return;
        }
        if (status / 100 != 2) {
            failWithStatus();
        } else if (embeddings != null) {
            embeddings.end(EmbeddingsResponse.of(null, null));
        } else if (streamed && malformedLine) {
            failMalformed();
        } else if (streamed) {
            inference.fail(new OllamaException("Ollama's stream ended before its final chunk", null),
                    INCOMPLETE_STREAM);
        } else {
            inference.end();
        }
    }

    synchronized void onError(Throwable failure) {
        invocation.fail(failure);
    }

    /** The application stopped reading (closed the body, cancelled), or dropped a stream that was then collected. */
    synchronized void onCancel() {
        if (invocation.isEnded()) {
            return;
        }
        if (status / 100 != 2) {
            failWithStatus();
        } else if (embeddings != null) {
            embeddings.end(EmbeddingsResponse.of(null, null));
        } else if (streamed && malformedLine) {
            failMalformed();
        } else {
            inference.end();
        }
    }

    /**
     * The stream stopped, unfinished, after a line that is not JSON: {@code OllamaClient} throws its
     * {@code OllamaException} there and the application stops reading, so the call failed the same way.
     */
    private void failMalformed() {
        inference.fail(new OllamaException("Ollama sent a malformed stream line", null));
    }

    private void failWithStatus() {
        OllamaServerException error = status == 404 && errorMessage != null && errorMessage.contains("not found")
                ? new OllamaModelNotFoundException(errorMessage)
                : new OllamaServerException(status, errorMessage);
        invocation.fail(error, Integer.toString(status));
    }

    private void line(byte[] bytes, int offset, int size) {
        // Without content the accumulator keeps no text: a chunk line is only timed, not parsed.
        if (streamed && !inference.accumulator().capturesContent()) {
            int kind = LineScanner.classify(bytes, offset, size);
            if (kind == LineScanner.CHUNK) {
                inference.onChunk(0, "");
                return;
            }
            if (kind == LineScanner.MALFORMED) {
                malformedLine = true;
                return;
            }
        }
        JsonNode node;
        try {
            node = WireFormat.parse(bytes, offset, size);
        } catch (IOException e) {
            if (streamed) {
                malformedLine = true;
            }
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        String error = WireFormat.errorMessage(node);
        if (status / 100 != 2) {
            errorMessage = error;
            return;
        }
        if (error != null) {
            invocation.fail(new OllamaServerException(status, error), STREAM_ERROR);
            return;
        }
        if (embeddings != null) {
            embeddings.end(SemconvMapping.embedResponse(WireFormat.embedResponse(node, false)));
        } else if (streamed) {
            chunk(node);
        } else if (endpoint == Endpoint.CHAT) {
            inference.end(SemconvMapping.chatResponse(WireFormat.chatResponse(node), node));
        } else {
            inference.end(SemconvMapping.generateResponse(WireFormat.generateResponse(node)));
        }
    }

    private void chunk(JsonNode node) {
        StreamAccumulator accumulator = inference.onChunk();
        if (endpoint == Endpoint.CHAT) {
            ChatResponse chunk = WireFormat.chatResponse(node);
            toolCalls = SemconvMapping.accumulate(accumulator, chunk, node, toolCalls);
            if (chunk.done()) {
                inference.end(SemconvMapping.finalChunk(chunk));
            }
        } else {
            GenerateResponse chunk = WireFormat.generateResponse(node);
            SemconvMapping.accumulate(accumulator, chunk);
            if (chunk.done()) {
                inference.end(SemconvMapping.finalChunk(chunk));
            }
        }
    }
}
