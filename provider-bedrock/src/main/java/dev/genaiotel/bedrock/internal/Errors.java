package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Invocation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The {@code error.type} values of this module (Bedrock Runtime and Bedrock Agents alike): the AWS error code for
 * errors the service answered, in a response or as an exception event inside a stream ({@code ThrottlingException},
 * {@code ValidationException}, {@code ModelStreamErrorException}, ...), the HTTP status code when a service error
 * carries no code, {@link #STREAM_ABANDONED} for an event stream nobody subscribed to, and otherwise the exception's
 * class name (the core's default).
 */
public final class Errors {

    /** {@code error.type} of a stream whose handler dropped it without subscribing. */
    public static final String STREAM_ABANDONED = Invocation.STREAM_ABANDONED;

    private Errors() {}

    /** The exception itself, unwrapped from the async wrappers that carry it. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Ends {@code invocation} as failed by {@code error}, unwrapped, with this module's error type.
     *
     * @param invocation the span to end
     * @param error the failure, possibly wrapped by a future
     */
    public static void fail(Invocation invocation, Throwable error) {
        Throwable cause = unwrap(error);
        invocation.fail(cause, type(cause));
    }

    /** True when the call was cancelled rather than failed. */
    public static boolean isCancellation(Throwable error) {
        return unwrap(error) instanceof CancellationException;
    }

    /** The error type, or null to let the core use the exception's class name. */
    public static String type(Throwable error) {
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
