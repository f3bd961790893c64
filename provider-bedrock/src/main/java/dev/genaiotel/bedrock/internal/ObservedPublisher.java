package dev.genaiotel.bedrock.internal;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The application's view of an event stream: every signal goes straight through, in the same thread and order, and
 * is shown to the {@link StreamObserver} on the way. Demand is passed on untouched, so the stream is never delayed,
 * buffered or cancelled by the instrumentation; exceptions of the application's subscriber propagate unchanged, and
 * null subscribers and subscriptions reach the SDK and the application as they are.
 *
 * @param <E> the event type
 */
public final class ObservedPublisher<E> implements SdkPublisher<E> {

    private final SdkPublisher<E> upstream;
    private final StreamObserver<E> observer;

    private ObservedPublisher(SdkPublisher<E> upstream, StreamObserver<E> observer) {
        this.upstream = upstream;
        this.observer = observer;
    }

    /**
     * The view of {@code upstream} to hand to the application; the observer is told when the view is dropped
     * without a subscriber.
     *
     * @param upstream the SDK's event publisher
     * @param observer the telemetry of the stream
     * @param <E> the event type
     * @return the view, or {@code upstream} itself when it is null or cannot be observed (logged once)
     */
    public static <E> SdkPublisher<E> create(SdkPublisher<E> upstream, StreamObserver<E> observer) {
        if (upstream == null) {
            return null;
        }
        try {
            ObservedPublisher<E> view = new ObservedPublisher<>(upstream, observer);
            observer.watch(view);
            return view;
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("event stream", e);
            return upstream;
        }
    }

    @Override
    public void subscribe(Subscriber<? super E> subscriber) {
        observer.subscribed();
        upstream.subscribe(subscriber == null ? null : new ObservingSubscriber<>(subscriber, observer));
    }

    private static final class ObservingSubscriber<E> implements Subscriber<E> {
        private final Subscriber<? super E> downstream;
        private final StreamObserver<E> observer;

        ObservingSubscriber(Subscriber<? super E> downstream, StreamObserver<E> observer) {
            this.downstream = downstream;
            this.observer = observer;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            downstream.onSubscribe(subscription == null ? null : new ObservingSubscription(subscription, observer));
        }

        @Override
        public void onNext(E event) {
            observer.onEvent(event);
            downstream.onNext(event);
        }

        @Override
        public void onError(Throwable error) {
            observer.failed(error);
            downstream.onError(error);
        }

        @Override
        public void onComplete() {
            observer.completed();
            downstream.onComplete();
        }
    }

    private static final class ObservingSubscription implements Subscription {
        private final Subscription upstream;
        private final StreamObserver<?> observer;

        ObservingSubscription(Subscription upstream, StreamObserver<?> observer) {
            this.upstream = upstream;
            this.observer = observer;
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            observer.cancelled();
            upstream.cancel();
        }
    }
}
