package dev.genaiotel.ollama.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Sits between the HTTP client and the application's {@link HttpResponse.BodySubscriber}: every signal and every
 * buffer list is forwarded unchanged, demand and cancellation flow back unchanged, and the exchange reads the
 * buffers (by absolute index, so their positions are untouched) before they are forwarded. A telemetry failure
 * is logged and never reaches the application.
 */
final class ObservingBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> downstream;
    private final OllamaExchange exchange;

    ObservingBodySubscriber(HttpResponse.BodySubscriber<T> downstream, OllamaExchange exchange) {
        this.downstream = downstream;
        this.exchange = exchange;
    }

    @Override
    public CompletionStage<T> getBody() {
        return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        exchange.subscribed(subscription);
        downstream.onSubscribe(new ObservedSubscription(subscription, exchange));
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        try {
            exchange.onBytes(item);
        } catch (Throwable t) {
            FailSoft.log("response body", t);
        }
        downstream.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        try {
            exchange.onError(throwable);
        } catch (Throwable t) {
            FailSoft.log("response error", t);
        }
        downstream.onError(throwable);
    }

    @Override
    public void onComplete() {
        try {
            exchange.onComplete();
        } catch (Throwable t) {
            FailSoft.log("response end", t);
        }
        downstream.onComplete();
    }

    private static final class ObservedSubscription implements Flow.Subscription {
        private final Flow.Subscription upstream;
        private final OllamaExchange exchange;

        ObservedSubscription(Flow.Subscription upstream, OllamaExchange exchange) {
            this.upstream = upstream;
            this.exchange = exchange;
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            try {
                exchange.onCancel();
            } catch (Throwable t) {
                FailSoft.log("response cancel", t);
            }
            upstream.cancel();
        }
    }
}
