package dev.genaiotel.anthropic.internal;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The {@code error.type} values of this instrumentation: the HTTP status code for errors the server answered
 * ({@code 400}, {@code 401}, {@code 429}, {@code 529}, ...), the error's {@code type} for an {@code error} event sent
 * inside an open stream ({@code overloaded_error}, ...), the fully qualified class of the I/O cause for connection
 * failures ({@code java.net.ConnectException}), and otherwise the exception's class name (the core's default).
 */
final class Errors {

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
        try {
            if (error instanceof SseException sse) {
                Object body = sse.body().convert(Object.class);
                String type = Trees.string(Trees.map(Trees.map(body).get("error")), "type");
                return type == null || type.isBlank() ? SseException.class.getName() : type;
            }
            if (error instanceof AnthropicServiceException service) {
                return Integer.toString(service.statusCode());
            }
            if (error instanceof AnthropicIoException && error.getCause() != null) {
                return error.getCause().getClass().getName();
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("error type", e);
        }
        return null;
    }

    /** The failure of a future stage, rethrown so that dependants see the original exception. */
    static CompletionException asCompletionException(Throwable error) {
        return error instanceof CompletionException completion ? completion : new CompletionException(error);
    }
}
