package dev.genaiotel.ollama;

import java.util.List;

/**
 * The answer of {@code POST /api/embed} (or of the legacy {@code /api/embeddings}, whose single
 * {@code embedding} becomes the only element).
 *
 * @param model the model that answered
 * @param embeddings one vector per input, in order; the arrays are not copied
 * @param totalDuration {@code total_duration} in nanoseconds, or null
 * @param loadDuration {@code load_duration} in nanoseconds, or null
 * @param promptEvalCount tokens in the input, or null
 */
public record EmbedResponse(
        String model, List<float[]> embeddings, Long totalDuration, Long loadDuration, Long promptEvalCount) {

    /** Copies the list (not the vectors). */
    public EmbedResponse {
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
    }
}
