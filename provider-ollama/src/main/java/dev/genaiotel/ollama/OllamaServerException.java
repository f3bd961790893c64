package dev.genaiotel.ollama;

/**
 * Ollama answered with an error: an HTTP error status with {@code {"error": "..."}}, or an {@code error} line in
 * the middle of a stream (then {@link #statusCode()} is the stream's status, normally 200).
 */
public class OllamaServerException extends OllamaException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorMessage;

    /**
     * An exception.
     *
     * @param statusCode the HTTP status code
     * @param errorMessage Ollama's {@code error} text, or null when the body carried none
     */
    public OllamaServerException(int statusCode, String errorMessage) {
        super(errorMessage == null ? "Ollama answered HTTP " + statusCode : errorMessage, null);
        this.statusCode = statusCode;
        this.errorMessage = errorMessage;
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** Ollama's {@code error} text, or null when the body carried none. */
    public String errorMessage() {
        return errorMessage;
    }
}
