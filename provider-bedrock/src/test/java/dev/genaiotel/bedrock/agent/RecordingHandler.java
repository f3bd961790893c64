package dev.genaiotel.bedrock.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;

/**
 * An application's handler: subscribes to the event stream, requests one event at a time, keeps what it sees, and
 * optionally cancels after a number of events.
 */
final class RecordingHandler implements InvokeAgentResponseHandler {

    final List<ResponseStream> events = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger completions = new AtomicInteger();
    final CountDownLatch finished = new CountDownLatch(1);
    volatile InvokeAgentResponse response;
    private final int cancelAfter;

    private RecordingHandler(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    /** Reads the whole stream. */
    static RecordingHandler draining() {
        return new RecordingHandler(Integer.MAX_VALUE);
    }

    /** Cancels its subscription after {@code count} events. */
    static RecordingHandler cancellingAfter(int count) {
        return new RecordingHandler(count);
    }

    /** The text of the chunk events seen, concatenated. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (ResponseStream event : events) {
            if (event instanceof PayloadPart chunk) {
                text.append(new String(chunk.bytes().asByteArray(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    boolean awaitFinished() throws InterruptedException {
        return finished.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void responseReceived(InvokeAgentResponse received) {
        response = received;
    }

    @Override
    public void onEventStream(SdkPublisher<ResponseStream> publisher) {
        publisher.subscribe(new Subscriber<ResponseStream>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ResponseStream event) {
                events.add(event);
                if (events.size() >= cancelAfter) {
                    subscription.cancel();
                    finished.countDown();
                } else {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable error) {
                finished.countDown();
            }

            @Override
            public void onComplete() {
                finished.countDown();
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        errors.add(error);
        finished.countDown();
    }

    @Override
    public void complete() {
        completions.incrementAndGet();
        finished.countDown();
    }
}
