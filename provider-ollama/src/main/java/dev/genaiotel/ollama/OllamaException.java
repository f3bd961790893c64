package dev.genaiotel.ollama;

/**
 * A failure of an {@link OllamaClient} call: the server answered with an error, could not be reached, or sent
 * something that is not Ollama's wire format.
 */
public class OllamaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public OllamaException(String message, Throwable cause) {
        super(message, cause);
    }
}
