package dev.genaiotel.langchain4j.internal;

import dev.langchain4j.exception.HttpException;

/** The {@code error.type} of a failed LangChain4j call. */
final class ErrorTypes {

    private static final int MAX_DEPTH = 8;

    private ErrorTypes() {}

    /**
     * The HTTP status code when the failure (or one of its causes) is an {@link HttpException}, as LangChain4j's
     * mapped exceptions ({@code RateLimitException}, {@code InternalServerException}, ...) usually wrap one; null
     * otherwise, so that the core records the exception's class name.
     */
    static String of(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof HttpException http && http.statusCode() > 0) {
                return Integer.toString(http.statusCode());
            }
            current = current.getCause();
        }
        return null;
    }
}
