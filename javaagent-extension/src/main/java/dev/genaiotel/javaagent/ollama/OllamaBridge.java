package dev.genaiotel.javaagent.ollama;

import dev.genaiotel.javaagent.GenAiAgent;
import dev.genaiotel.javaagent.instrumentation.LibraryClassNames;
import dev.genaiotel.ollama.OllamaTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Between the advice and provider-ollama. */
public final class OllamaBridge {

    /** Set while the instrumented client's own call to the JDK client runs, which must not be instrumented again. */
    private static final ThreadLocal<Boolean> PASSING_THROUGH = new ThreadLocal<>();

    private OllamaBridge() {}

    /** The outcome of a call that the instrumented client made. */
    private record Sent(Object value) {}

    /**
     * Sends {@code arguments} (a {@code send} or {@code sendAsync} call on {@code client}) through the instrumented
     * client when it is an Ollama request.
     *
     * @return null when the JDK method is to run as it is
     */
    @SuppressWarnings("unchecked")
    public static Object send(Object client, Object[] arguments, boolean async) throws Exception {
        if (PASSING_THROUGH.get() != null || !(client instanceof HttpClient jdk) || arguments.length < 2
                || !(arguments[0] instanceof HttpRequest request) || !isOllama(request)
                || sentByApplicationsWrapper()) {
            return null;
        }
        HttpClient instrumented = Instrumented.TELEMETRY.wrap(new PassThrough(jdk));
        HttpResponse.BodyHandler<Object> handler = (HttpResponse.BodyHandler<Object>) arguments[1];
        if (!async) {
            return new Sent(instrumented.send(request, handler));
        }
        if (arguments.length == 2) {
            return new Sent(instrumented.sendAsync(request, handler));
        }
        return new Sent(instrumented.sendAsync(request, handler,
                (HttpResponse.PushPromiseHandler<Object>) arguments[2]));
    }

    /** What the call returns: the instrumented client's result, or {@code returned}. */
    public static Object result(Object sent, Object returned) {
        return sent instanceof Sent done ? done.value() : returned;
    }

    static <T> T passThrough(ThrowingSupplier<T> call) throws java.io.IOException, InterruptedException {
        PASSING_THROUGH.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            PASSING_THROUGH.remove();
        }
    }

    /** A call to the JDK client. */
    interface ThrowingSupplier<T> {
        T get() throws java.io.IOException, InterruptedException;
    }

    /** Whether this is a {@code POST} to one of the paths provider-ollama records (the cheap test, first). */
    private static boolean isOllama(HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return false;
        }
        URI uri = request.uri();
        String path = uri.getRawPath();
        if (path == null) {
            return false;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.endsWith("/api/chat") || path.endsWith("/api/generate") || path.endsWith("/api/embed")
                || path.endsWith("/api/embeddings");
    }

    /** Whether the application's own provider-ollama wrapper is sending this request (it records it itself). */
    private static boolean sentByApplicationsWrapper() {
        String wrapper = LibraryClassNames.ollamaHttpClient();
        return StackWalker.getInstance().walk(frames -> frames.limit(12)
                .anyMatch(frame -> frame.getClassName().equals(wrapper)));
    }

    private static final class Instrumented {
        static final OllamaTelemetry TELEMETRY = OllamaTelemetry.create(GenAiAgent.telemetry());
    }
}
