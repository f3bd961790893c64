package dev.genaiotel.ollama;

/**
 * An answer of {@code POST /api/generate}: the whole answer, or one chunk of a stream (the last has
 * {@code done == true}).
 *
 * @param model the model that answered
 * @param createdAt the server's timestamp ({@code created_at}), as sent
 * @param response the generated text or piece of it
 * @param thinking the model's reasoning or piece of it, or null
 * @param done true on the last chunk
 * @param doneReason why generation stopped, or null
 * @param totalDuration {@code total_duration} in nanoseconds, or null
 * @param loadDuration {@code load_duration} in nanoseconds, or null
 * @param promptEvalCount tokens in the prompt, or null
 * @param promptEvalDuration {@code prompt_eval_duration} in nanoseconds, or null
 * @param evalCount tokens generated, or null
 * @param evalDuration {@code eval_duration} in nanoseconds, or null
 */
public record GenerateResponse(
        String model, String createdAt, String response, String thinking, boolean done, String doneReason,
        Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration, Long evalCount,
        Long evalDuration) {
}
