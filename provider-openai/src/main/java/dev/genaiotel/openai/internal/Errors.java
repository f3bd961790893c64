package dev.genaiotel.openai.internal;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import dev.genaiotel.core.Invocation;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The {@code error.type} values of this instrumentation: the HTTP status code for errors the server answered
 * ({@code 400}, {@code 401}, {@code 429}, {@code 500}, ...), the error event's code for an error sent inside a
 * stream, the fully qualified class of the I/O cause for connection failures ({@code java.net.ConnectException}),
 * and otherwise the exception's class name (the core's default).
 */
final class Errors {

    /** {@code error.type} of a stream the caller dropped without draining or closing it. */
    static final String STREAM_ABANDONED = Invocation.STREAM_ABANDONED;

    private Errors() {}

    /** The exception itself, unwrapped from the async wrappers that carry it. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The error type, or null to let the core use the exception's class name. */
    static String type(Throwable error) {
        if (error instanceof SseException sse) {
            String code = sse.code().orElse(null);
            return code != null && !code.isBlank() ? code : SseException.class.getName();
        }
        if (error instanceof OpenAIServiceException service) {
            return Integer.toString(service.statusCode());
        }
        if (error instanceof OpenAIIoException && error.getCause() != null) {
            return error.getCause().getClass().getName();
        }
        return null;
    }

    /** The failure of a future stage, rethrown so that dependants see the original exception. */
    static CompletionException asCompletionException(Throwable error) {
        return error instanceof CompletionException completion ? completion : new CompletionException(error);
    }
}
