package dev.genaiotel.bedrock.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The {@code error.type} values of this instrumentation: the AWS error code for errors the service answered
 * ({@code ThrottlingException}, {@code ValidationException}, {@code ModelStreamErrorException}, ...), the HTTP
 * status code when a service error carries no code, and otherwise the exception's class name (the core's default).
 */
final class Errors {

    /** {@code error.type} of a stream whose handler dropped it without subscribing. */
    static final String STREAM_ABANDONED = "stream_abandoned";

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
        if (error instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            if (code != null && !code.isBlank()) {
                return canonical(code);
            }
        }
        if (error instanceof SdkServiceException service && service.statusCode() > 0) {
            return Integer.toString(service.statusCode());
        }
        return null;
    }

    /**
     * Errors sent inside an event stream are named like their event ({@code throttlingException}); the same
     * error answered as HTTP is {@code ThrottlingException}. Both are reported with the upper-case spelling.
     */
    private static String canonical(String code) {
        int hash = code.indexOf('#');
        String name = hash >= 0 ? code.substring(hash + 1) : code;
        int colon = name.indexOf(':');
        if (colon > 0) {
            name = name.substring(0, colon);
        }
        if (!name.isEmpty() && Character.isLowerCase(name.charAt(0)) && name.endsWith("Exception")) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return name;
    }
}
