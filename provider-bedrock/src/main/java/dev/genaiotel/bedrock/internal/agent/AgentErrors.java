package dev.genaiotel.bedrock.internal.agent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The {@code error.type} values of the agent instrumentation: the AWS error code for errors the service reported,
 * in a response or as an exception event inside the stream ({@code ThrottlingException},
 * {@code AccessDeniedException}, {@code ResourceNotFoundException}, ...), the HTTP status when a service error
 * carries no code, {@code stream_abandoned} for an event stream nobody subscribed to, and otherwise the exception's
 * class name (the core's default). The same values as the bedrock-runtime instrumentation's.
 */
final class AgentErrors {

    /** {@code error.type} of an event stream the application dropped without subscribing to it. */
    static final String STREAM_ABANDONED = "stream_abandoned";

    private AgentErrors() {}

    /** The exception itself, unwrapped from the async wrappers that carry it. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** True when the call was cancelled rather than failed. */
    static boolean isCancellation(Throwable error) {
        return unwrap(error) instanceof CancellationException;
    }

    /**
     * The error type, or null to let the core use the exception's class name. Exception events inside the stream
     * carry the member name of the event-stream union ({@code throttlingException}); the same error answered as HTTP
     * is {@code ThrottlingException}; both are reported with the upper-case spelling. A service error without a
     * code is reported by its HTTP status.
     */
    static String type(Throwable error) {
        if (error instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            if (code != null && !code.isBlank()) {
                return canonical(code.trim());
            }
        }
        if (error instanceof SdkServiceException service && service.statusCode() > 0) {
            return Integer.toString(service.statusCode());
        }
        return null;
    }

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
