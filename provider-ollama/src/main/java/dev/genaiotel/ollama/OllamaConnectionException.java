package dev.genaiotel.ollama;

/** The Ollama server could not be reached (connection refused, unknown host, connection reset before answering). */
public final class OllamaConnectionException extends OllamaException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param message what went wrong
     * @param cause the I/O failure
     */
    public OllamaConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
