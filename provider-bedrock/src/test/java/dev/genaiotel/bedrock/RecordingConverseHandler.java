package dev.genaiotel.bedrock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * An application's ConverseStream handler that records what it sees: every event, the error, completion. It can
 * subscribe and drain, cancel after a number of events, or ignore the stream altogether.
 */
final class RecordingConverseHandler implements ConverseStreamResponseHandler {

    /** What the handler does with the event stream. */
    enum Mode { DRAIN, ONE_BY_ONE_FROM_ANOTHER_THREAD, CANCEL_AFTER_FIRST, IGNORE }

    final List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    final AtomicBoolean completed = new AtomicBoolean();
    final AtomicBoolean streamReceived = new AtomicBoolean();
    private final Mode mode;

    RecordingConverseHandler(Mode mode) {
        this.mode = mode;
    }

    /** The text of the content-block deltas, in order. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (ConverseStreamOutput event : events) {
            if (event instanceof ContentBlockDeltaEvent delta && delta.delta().text() != null) {
                text.append(delta.delta().text());
            }
        }
        return text.toString();
    }

    @Override
    public void responseReceived(ConverseStreamResponse response) {
        // nothing to record
    }

    @Override
    public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
        streamReceived.set(true);
        if (mode == Mode.IGNORE) {
            return;
        }
        publisher.subscribe(new Subscriber<ConverseStreamOutput>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(mode == Mode.DRAIN ? Long.MAX_VALUE : 1);
            }

            @Override
            public void onNext(ConverseStreamOutput event) {
                events.add(event);
                if (mode == Mode.CANCEL_AFTER_FIRST) {
                    subscription.cancel();
                } else if (mode == Mode.ONE_BY_ONE_FROM_ANOTHER_THREAD) {
                    Thread requester = new Thread(() -> subscription.request(1), "application-requester");
                    requester.start();
                }
            }

            @Override
            public void onError(Throwable t) {
                error.compareAndSet(null, t);
            }

            @Override
            public void onComplete() {
                // the handler's complete() is the signal the tests read
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable throwable) {
        error.compareAndSet(null, throwable);
    }

    @Override
    public void complete() {
        completed.set(true);
    }
}
