package dev.genaiotel.ollama.internal;

import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that delegates everything to the client it wraps and records Ollama calls. The
 * application gets the wrapped client's own response objects, futures and exceptions; only the body handler is
 * wrapped, to observe the bytes on their way to the application's subscriber.
 */
public final class InstrumentedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final GenAiTelemetry telemetry;
    private final int maxLineBytes;
    private final int maxRequestBytes;

    /** Wraps {@code delegate}; see {@code OllamaTelemetry.wrap}. */
    public InstrumentedHttpClient(HttpClient delegate, GenAiTelemetry telemetry, int maxLineBytes,
            int maxRequestBytes) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.maxLineBytes = maxLineBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        OllamaExchange exchange = start(request);
        if (exchange == null) {
            return delegate.send(request, handler);
        }
        Scope scope = exchange.makeCurrent();
        try {
            return exchange.watched(delegate.send(request, exchange.observe(handler)));
        } catch (Throwable t) {
            sendFailed(exchange, t);
            throw t;
        } finally {
            scope.close();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        OllamaExchange exchange = start(request);
        if (exchange == null) {
            return delegate.sendAsync(request, handler);
        }
        CompletableFuture<HttpResponse<T>> response;
        Scope scope = exchange.makeCurrent();
        try {
            response = delegate.sendAsync(request, exchange.observe(handler));
        } catch (Throwable t) {
            sendFailed(exchange, t);
            throw t;
        } finally {
            scope.close();
        }
        watch(response, exchange);
        return WatchedBody.future(response, exchange::watched);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        OllamaExchange exchange = start(request);
        if (exchange == null) {
            return delegate.sendAsync(request, handler, pushPromiseHandler);
        }
        CompletableFuture<HttpResponse<T>> response;
        Scope scope = exchange.makeCurrent();
        try {
            response = delegate.sendAsync(request, exchange.observe(handler), pushPromiseHandler);
        } catch (Throwable t) {
            sendFailed(exchange, t);
            throw t;
        } finally {
            scope.close();
        }
        watch(response, exchange);
        return response;
    }

    private OllamaExchange start(HttpRequest request) {
        try {
            return OllamaExchange.start(request, telemetry, maxLineBytes, maxRequestBytes);
        } catch (Throwable t) {
            FailSoft.log("request", t);
            return null;
        }
    }

    private static void watch(CompletableFuture<?> response, OllamaExchange exchange) {
        try {
            response.whenComplete((value, failure) -> {
                if (failure != null) {
                    sendFailed(exchange, failure);
                }
            });
        } catch (Throwable t) {
            FailSoft.log("async response", t);
        }
    }

    private static void sendFailed(OllamaExchange exchange, Throwable failure) {
        try {
            exchange.sendFailed(failure);
        } catch (Throwable t) {
            FailSoft.log("send failure", t);
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
