package dev.genaiotel.ollama.internal;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * Reads a request's body for telemetry by subscribing to its publisher, which is only safe for the JDK's
 * in-memory publishers ({@code ofString}, {@code ofByteArray}): they can be subscribed any number of times and
 * deliver synchronously. Any other publisher (an input stream, a file, a user's publisher) may be one-shot or
 * have side effects, so it is never touched and the request is recorded without its body.
 */
final class RequestBodies {

    private static final String STRING_PUBLISHER = "jdk.internal.net.http.RequestPublishers$StringPublisher";
    private static final String BYTE_ARRAY_PUBLISHER = "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher";

    private RequestBodies() {}

    /** The body, or null when it cannot be read safely or exceeds {@code maxBytes}. */
    static byte[] read(HttpRequest request, int maxBytes) {
        Optional<HttpRequest.BodyPublisher> body = request.bodyPublisher();
        if (body.isEmpty()) {
            return null;
        }
        HttpRequest.BodyPublisher publisher = body.get();
        String type = publisher.getClass().getName();
        if (!type.equals(STRING_PUBLISHER) && !type.equals(BYTE_ARRAY_PUBLISHER)) {
            return null;
        }
        long length = publisher.contentLength();
        if (length < 0 || length > maxBytes) {
            return null;
        }
        Collector collector = new Collector((int) length);
        publisher.subscribe(collector);
        return collector.result();
    }

    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        private final byte[] bytes;
        private int filled;
        private boolean complete;
        private boolean failed;
        private Flow.Subscription subscription;

        Collector(int length) {
            bytes = new byte[length];
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            value.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            ByteBuffer copy = item.duplicate();
            int n = copy.remaining();
            if (failed || filled + n > bytes.length) {
                failed = true;
                subscription.cancel();
                return;
            }
            copy.get(bytes, filled, n);
            filled += n;
        }

        @Override
        public void onError(Throwable throwable) {
            failed = true;
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        byte[] result() {
            if (!complete || failed || filled != bytes.length) {
                if (!complete && subscription != null) {
                    subscription.cancel();
                }
                return null;
            }
            return bytes;
        }
    }
}
