package dev.genaiotel.bedrock.internal;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The application's view of an event stream: every signal goes straight through, in the same thread and order, and
 * is shown to the {@link StreamTelemetry} on the way. Demand is passed on untouched, so the stream is never delayed,
 * buffered or cancelled by the instrumentation; exceptions of the application's subscriber propagate unchanged.
 */
final class ObservedPublisher<E> implements SdkPublisher<E> {

    private final SdkPublisher<E> upstream;
    private final StreamTelemetry<E> telemetry;

    private ObservedPublisher(SdkPublisher<E> upstream, StreamTelemetry<E> telemetry) {
        this.upstream = upstream;
        this.telemetry = telemetry;
    }

    static <E> ObservedPublisher<E> create(SdkPublisher<E> upstream, StreamTelemetry<E> telemetry) {
        ObservedPublisher<E> view = new ObservedPublisher<>(upstream, telemetry);
        Abandonment.watch(view, telemetry::abandoned);
        return view;
    }

    @Override
    public void subscribe(Subscriber<? super E> subscriber) {
        telemetry.subscribed = true;
        upstream.subscribe(new ObservingSubscriber<>(subscriber, telemetry));
    }

    private static final class ObservingSubscriber<E> implements Subscriber<E> {
        private final Subscriber<? super E> downstream;
        private final StreamTelemetry<E> telemetry;

        ObservingSubscriber(Subscriber<? super E> downstream, StreamTelemetry<E> telemetry) {
            this.downstream = downstream;
            this.telemetry = telemetry;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            downstream.onSubscribe(new ObservingSubscription(subscription, telemetry));
        }

        @Override
        public void onNext(E event) {
            telemetry.onEvent(event);
            downstream.onNext(event);
        }

        @Override
        public void onError(Throwable error) {
            telemetry.failed(error);
            downstream.onError(error);
        }

        @Override
        public void onComplete() {
            telemetry.completed();
            downstream.onComplete();
        }
    }

    private static final class ObservingSubscription implements Subscription {
        private final Subscription upstream;
        private final StreamTelemetry<?> telemetry;

        ObservingSubscription(Subscription upstream, StreamTelemetry<?> telemetry) {
            this.upstream = upstream;
            this.telemetry = telemetry;
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            telemetry.cancelled();
            upstream.cancel();
        }
    }
}
