package dev.genaiotel.openai.internal;

import dev.genaiotel.core.StreamWatch;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The call shapes of openai-java (blocking, future, stream, async stream, and the raw-response form of each), run
 * with their telemetry. The caller always gets the delegate's own result object or a transparent wrapper of it,
 * and the delegate's own exception object.
 */
@SuppressWarnings("try") // the scope is only held open while the client sends the request
final class Calls {

    private Calls() {}

    static <P, R> R blocking(TracedCall<R> call, P params, Function<P, R> invoke) {
        R result;
        try (Scope ignored = call.makeCurrent()) {
            result = invoke.apply(params);
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        call.succeeded(result);
        return result;
    }

    static <P, R> CompletableFuture<R> future(TracedCall<R> call, P params, Function<P, CompletableFuture<R>> invoke) {
        CompletableFuture<R> future;
        try (Scope ignored = call.makeCurrent()) {
            future = invoke.apply(params);
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        whenDone(future, call);
        return future;
    }

    static <P, T> StreamResponse<T> stream(StreamObserver<T> observer, P params,
            Function<P, StreamResponse<T>> invoke) {
        StreamResponse<T> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.apply(params);
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedStreamResponse.of(response, observer);
    }

    static <P, T> AsyncStreamResponse<T> asyncStream(StreamObserver<T> observer, P params,
            Function<P, AsyncStreamResponse<T>> invoke) {
        AsyncStreamResponse<T> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.apply(params);
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedAsyncStreamResponse.of(response, observer);
    }

    static <P, R> HttpResponseFor<R> raw(TracedCall<R> call, P params, Function<P, HttpResponseFor<R>> invoke) {
        HttpResponseFor<R> response;
        try (Scope ignored = call.makeCurrent()) {
            response = invoke.apply(params);
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        return TracedHttpResponseFor.of(response, new CallLifecycle<>(call));
    }

    static <P, R> CompletableFuture<HttpResponseFor<R>> rawFuture(TracedCall<R> call, P params,
            Function<P, CompletableFuture<HttpResponseFor<R>>> invoke) {
        CompletableFuture<HttpResponseFor<R>> future;
        try (Scope ignored = call.makeCurrent()) {
            future = invoke.apply(params);
        } catch (Throwable error) {
            call.failed(error);
            throw error;
        }
        return future.handle((response, error) -> {
            if (error != null) {
                call.failed(error);
                throw Errors.asCompletionException(error);
            }
            return TracedHttpResponseFor.of(response, new CallLifecycle<>(call));
        });
    }

    static <P, T> HttpResponseFor<StreamResponse<T>> rawStream(StreamObserver<T> observer, P params,
            Function<P, HttpResponseFor<StreamResponse<T>>> invoke) {
        HttpResponseFor<StreamResponse<T>> response;
        try (Scope ignored = observer.makeCurrent()) {
            response = invoke.apply(params);
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return TracedHttpResponseFor.of(response, new StreamLifecycle<>(observer));
    }

    static <P, T> CompletableFuture<HttpResponseFor<StreamResponse<T>>> rawStreamFuture(StreamObserver<T> observer,
            P params, Function<P, CompletableFuture<HttpResponseFor<StreamResponse<T>>>> invoke) {
        CompletableFuture<HttpResponseFor<StreamResponse<T>>> future;
        try (Scope ignored = observer.makeCurrent()) {
            future = invoke.apply(params);
        } catch (Throwable error) {
            observer.failed(error);
            throw error;
        }
        return future.handle((response, error) -> {
            if (error != null) {
                observer.failed(error);
                throw Errors.asCompletionException(error);
            }
            return TracedHttpResponseFor.of(response, new StreamLifecycle<>(observer));
        });
    }

    private static <R> void whenDone(CompletableFuture<R> future, TracedCall<R> call) {
        future.whenComplete((result, error) -> {
            if (error != null) {
                call.failed(error);
            } else {
                call.succeeded(result);
            }
        });
    }

    private static final class CallLifecycle<R> implements TracedHttpResponseFor.Lifecycle<R> {
        private final TracedCall<R> call;

        CallLifecycle(TracedCall<R> call) {
            this.call = call;
        }

        @Override
        public R parsed(R value) {
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

    private static final class StreamLifecycle<T> implements TracedHttpResponseFor.Lifecycle<StreamResponse<T>> {
        private final StreamObserver<T> observer;
        private volatile StreamWatch watch;

        StreamLifecycle(StreamObserver<T> observer) {
            this.observer = observer;
        }

        /** The parsed stream is watched from now on, not the raw response it came in. */
        @Override
        public StreamResponse<T> parsed(StreamResponse<T> value) {
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
