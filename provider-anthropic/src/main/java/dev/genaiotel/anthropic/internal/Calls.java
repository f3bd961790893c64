package dev.genaiotel.anthropic.internal;

import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.core.StreamWatch;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The call shapes of anthropic-java's Messages API (blocking, future, stream, async stream, and the raw-response
 * form of each), run with their telemetry. The caller always gets the delegate's own result object or a transparent
 * wrapper of it, and the delegate's own exception object.
 */
@SuppressWarnings("try") // the scope is only held open while the client sends the request
final class Calls {

    private Calls() {}

    static Message blocking(MessageCall call, Supplier<Message> invoke) {
        Message result;
        try (Scope ignored = call.makeCurrent()) {
            result = invoke.get();
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        call.succeeded(result);
        return result;
    }

    static CompletableFuture<Message> future(MessageCall call, Supplier<CompletableFuture<Message>> invoke) {
        CompletableFuture<Message> future;
        try (Scope ignored = call.makeCurrent()) {
            future = invoke.get();
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        future.whenComplete((result, error) -> {
            if (error != null) {
                call.failed(error);
            } else {
                call.succeeded(result);
            }
        });
        return future;
    }

    static StreamResponse<RawMessageStreamEvent> stream(MessageStream observer,
            Supplier<StreamResponse<RawMessageStreamEvent>> invoke) {
        StreamResponse<RawMessageStreamEvent> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.get();
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedStreamResponse.of(response, observer);
    }

    static AsyncStreamResponse<RawMessageStreamEvent> asyncStream(MessageStream observer,
            Supplier<AsyncStreamResponse<RawMessageStreamEvent>> invoke) {
        AsyncStreamResponse<RawMessageStreamEvent> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.get();
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedAsyncStreamResponse.of(response, observer);
    }

    static HttpResponseFor<Message> raw(MessageCall call, Supplier<HttpResponseFor<Message>> invoke) {
        HttpResponseFor<Message> response;
        try (Scope ignored = call.makeCurrent()) {
            response = invoke.get();
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        return TracedHttpResponseFor.of(response, new CallLifecycle(call));
    }

    static CompletableFuture<HttpResponseFor<Message>> rawFuture(MessageCall call,
            Supplier<CompletableFuture<HttpResponseFor<Message>>> invoke) {
        CompletableFuture<HttpResponseFor<Message>> future;
        try (Scope ignored = call.makeCurrent()) {
            future = invoke.get();
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        return future.handle((response, error) -> {
            if (error != null) {
                call.failed(error);
                throw Errors.asCompletionException(error);
            }
            return TracedHttpResponseFor.of(response, new CallLifecycle(call));
        });
    }

    static HttpResponseFor<StreamResponse<RawMessageStreamEvent>> rawStream(MessageStream observer,
            Supplier<HttpResponseFor<StreamResponse<RawMessageStreamEvent>>> invoke) {
        HttpResponseFor<StreamResponse<RawMessageStreamEvent>> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.get();
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedHttpResponseFor.of(response, new StreamLifecycle(observer));
    }

    static CompletableFuture<HttpResponseFor<StreamResponse<RawMessageStreamEvent>>> rawStreamFuture(
            MessageStream observer,
            Supplier<CompletableFuture<HttpResponseFor<StreamResponse<RawMessageStreamEvent>>>> invoke) {
        CompletableFuture<HttpResponseFor<StreamResponse<RawMessageStreamEvent>>> future;
        try (Scope ignored = observer.makeCurrent()) {
            future = invoke.get();
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return future.handle((response, error) -> {
            if (error != null) {
                observer.failed(error);
                throw Errors.asCompletionException(error);
            }
            return TracedHttpResponseFor.of(response, new StreamLifecycle(observer));
        });
    }

    private static final class CallLifecycle implements TracedHttpResponseFor.Lifecycle<Message> {
        private final MessageCall call;

        CallLifecycle(MessageCall call) {
            this.call = call;
        }

        @Override
        public Message parsed(Message value) {
            call.succeeded(value);
            return value;
        }

        @Override
        public void failed(Throwable error) {
            call.failed(error);
        }

        @Override
        public void closed() {
            call.endedWithoutResult();
        }

        @Override
        public StreamWatch watch(Object owner) {
            return call.watch(owner);
        }
    }

    private static final class StreamLifecycle
            implements TracedHttpResponseFor.Lifecycle<StreamResponse<RawMessageStreamEvent>> {
        private final MessageStream observer;
        private volatile StreamWatch watch;

        StreamLifecycle(MessageStream observer) {
            this.observer = observer;
        }

        /** The parsed stream is watched from now on, not the raw response it came in. */
        @Override
        public StreamResponse<RawMessageStreamEvent> parsed(StreamResponse<RawMessageStreamEvent> value) {
            StreamWatch raw = watch;
            if (raw != null) {
                raw.release();
            }
            return TracedStreamResponse.of(value, observer);
        }

        @Override
        public void failed(Throwable error) {
            observer.failed(error);
        }

        @Override
        public void closed() {
            observer.closed();
        }

        @Override
        public StreamWatch watch(Object owner) {
            StreamWatch raw = observer.watch(owner);
            watch = raw;
            return raw;
        }
    }
}
