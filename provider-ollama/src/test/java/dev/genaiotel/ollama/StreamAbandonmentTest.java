package dev.genaiotel.ollama;

import static dev.genaiotel.ollama.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.ollama.OllamaStub.Answer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed body the application drops unread ends the call as abandoned, the same outcome as every provider's
 * abandoned stream, while the server is still streaming: status ERROR, {@code error.type=stream_abandoned}, the
 * finish reason {@code error} for the unfinished answer.
 */
class StreamAbandonmentTest {

    /** Long enough that the server is still streaming when the test gives up waiting. */
    private static final long SERVER_STREAM_MILLIS = 40 * 500;
    private static final long WAIT_NANOS = 10_000_000_000L;

    private final Telemetry telemetry = new Telemetry();
    private final HttpClient wrapped = telemetry.ollama().wrap(HttpClient.newHttpClient());
    private OllamaStub stub;

    @BeforeEach
    void startStub() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SERVER_STREAM_MILLIS / 500; i++) {
            lines.add(Payloads.chunk("word" + i + " "));
        }
        stub = new OllamaStub().answer("POST", "/api/chat", Answer.ndjson(lines).withDelay(500));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private HttpRequest chat() {
        return HttpRequest.newBuilder(stub.uri("/api/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Payloads.CHAT_STREAM_REQUEST)).build();
    }

    @Test
    void droppedInputStreamEndsTheCallAsAbandoned() throws Exception {
        sendAndDrop(HttpResponse.BodyHandlers.ofInputStream(), body -> body.read());

        assertAbandoned(awaitWhileCollecting());
    }

    @Test
    void droppedLineStreamEndsTheCallAsAbandoned() throws Exception {
        sendAndDrop(HttpResponse.BodyHandlers.ofLines(), body -> body.iterator().next());

        assertAbandoned(awaitWhileCollecting());
    }

    @Test
    void droppedUnsubscribedPublisherEndsTheCallAsAbandoned() throws Exception {
        sendAndDrop(HttpResponse.BodyHandlers.ofPublisher(), body -> { });

        assertAbandoned(awaitWhileCollecting());
    }

    @Test
    void droppedOllamaClientStreamEndsTheCallAsAbandoned() {
        OllamaClient ollama = OllamaClient.builder().baseUrl(stub.baseUrl()).httpClient(wrapped).build();
        readOneChunkAndDrop(ollama);

        assertAbandoned(awaitWhileCollecting());
    }

    @Test
    void publisherDrivenByASubscriberIsNotTakenForAbandonedWhenTheViewIsDropped() throws Exception {
        List<ByteBuffer> received = new ArrayList<>();
        subscribeAndDrop(received);

        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            System.gc();
            Telemetry.sleep(50);
        }
        assertThat(telemetry.finished()).isEmpty();
        assertThat(received).isNotEmpty();
    }

    private void subscribeAndDrop(List<ByteBuffer> received) throws Exception {
        Flow.Publisher<List<ByteBuffer>> body =
                wrapped.send(chat(), HttpResponse.BodyHandlers.ofPublisher()).body();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                synchronized (received) {
                    received.addAll(item);
                }
            }

            @Override
            public void onError(Throwable throwable) {}

            @Override
            public void onComplete() {}
        });
    }

    private static void readOneChunkAndDrop(OllamaClient ollama) {
        Stream<ChatResponse> chunks = ollama.chatStream(
                ChatRequest.builder("llama3.2")
                        .message(ChatMessage.user("Why is the sky blue?")).build());
        assertThat(chunks.iterator().next().message().content()).isEqualTo("word0 ");
    }

    private interface Reader<T> {
        void read(T body) throws IOException;
    }

    private <T> void sendAndDrop(HttpResponse.BodyHandler<T> handler, Reader<T> reader) throws Exception {
        T body = wrapped.send(chat(), handler).body();
        reader.read(body);
        assertThat(telemetry.finished()).isEmpty();
    }

    private SpanData awaitWhileCollecting() {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (telemetry.finished().isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Telemetry.sleep(20);
        }
        assertThat(telemetry.finished()).as("the span ends while the server is still streaming").hasSize(1);
        return telemetry.finished().get(0);
    }

    private static void assertAbandoned(SpanData span) {
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("stream_abandoned");
    }
}
