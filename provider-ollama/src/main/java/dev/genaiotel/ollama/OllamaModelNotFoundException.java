package dev.genaiotel.ollama;

/** The requested model is not present on the server (HTTP 404, {@code model "..." not found}); pull it first. */
public final class OllamaModelNotFoundException extends OllamaServerException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param errorMessage Ollama's {@code error} text
     */
    public OllamaModelNotFoundException(String errorMessage) {
        super(404, errorMessage);
    }
}
