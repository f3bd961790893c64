package dev.genaiotel.bedrock.internal.agent;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;

/**
 * Wraps the application's {@link InvokeAgentResponseHandler}: every callback and every event reaches it unchanged and
 * in order, and the telemetry only looks on. It never requests, delays or cancels events itself, never throws into
 * the application's code, and ends the span on completion, error, cancellation, or when the event stream is dropped
 * without a subscriber.
 */
final class TracedInvokeAgentHandler implements InvokeAgentResponseHandler {

    private final InvokeAgentResponseHandler delegate;
    private final AgentCall call;

    TracedInvokeAgentHandler(InvokeAgentResponseHandler delegate, AgentCall call) {
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public void responseReceived(InvokeAgentResponse response) {
        delegate.responseReceived(response);
    }

    @Override
    public void onEventStream(SdkPublisher<ResponseStream> publisher) {
        SdkPublisher<ResponseStream> observed = publisher;
        if (publisher != null) {
            try {
                observed = new ObservedEvents(publisher, call);
            } catch (RuntimeException e) {
                AgentFailSoft.log("invoke agent stream", e);
            }
        }
        delegate.onEventStream(observed);
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        call.failed(error);
        delegate.exceptionOccurred(error);
    }

    @Override
    public void complete() {
        call.completed();
        delegate.complete();
    }

    /** The event stream as the application sees it: the SDK's publisher, observed. */
    private static final class ObservedEvents implements SdkPublisher<ResponseStream> {

        private final SdkPublisher<ResponseStream> source;
        private final AgentCall call;

        ObservedEvents(SdkPublisher<ResponseStream> source, AgentCall call) {
            this.source = source;
            this.call = call;
            StreamAbandonment.watch(this, call::abandonedUnlessSubscribed);
        }

        @Override
        public void subscribe(Subscriber<? super ResponseStream> subscriber) {
            call.subscribed();
            source.subscribe(subscriber == null ? null : new ObservedSubscriber(subscriber, call));
        }
    }

    /** Sees each event before passing it on; passes every signal on unchanged. */
    private static final class ObservedSubscriber implements Subscriber<ResponseStream> {

        private final Subscriber<? super ResponseStream> delegate;
        private final AgentCall call;

        ObservedSubscriber(Subscriber<? super ResponseStream> delegate, AgentCall call) {
            this.delegate = delegate;
            this.call = call;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            delegate.onSubscribe(subscription == null ? null : new ObservedSubscription(subscription, call));
        }

        @Override
        public void onNext(ResponseStream event) {
            call.onEvent(event);
            delegate.onNext(event);
        }

        @Override
        public void onError(Throwable error) {
            call.failed(error);
            delegate.onError(error);
        }

        @Override
        public void onComplete() {
            call.completed();
            delegate.onComplete();
        }
    }

    /** Notes a cancellation by the application, then passes it on. */
    private static final class ObservedSubscription implements Subscription {

        private final Subscription delegate;
        private final AgentCall call;

        ObservedSubscription(Subscription delegate, AgentCall call) {
            this.delegate = delegate;
            this.call = call;
        }

        @Override
        public void request(long n) {
            delegate.request(n);
        }

        @Override
        public void cancel() {
            call.cancelled();
            delegate.cancel();
        }
    }
}
