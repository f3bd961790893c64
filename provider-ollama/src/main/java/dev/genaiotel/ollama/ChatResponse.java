package dev.genaiotel.ollama;

/**
 * An answer of {@code POST /api/chat}: the whole answer of a blocking call, or one chunk of a stream (chunks carry
 * a piece of {@code message}; the last one has {@code done == true}, the finish reason, the counts and timings).
 *
 * @param model the model that answered
 * @param createdAt the server's timestamp ({@code created_at}), as sent
 * @param message the generated message or piece of it
 * @param done true on the last chunk
 * @param doneReason why generation stopped ({@code stop}, {@code length}, {@code load}, ...), or null
 * @param totalDuration {@code total_duration} in nanoseconds, or null
 * @param loadDuration {@code load_duration} in nanoseconds, or null
 * @param promptEvalCount tokens in the prompt ({@code prompt_eval_count}), or null
 * @param promptEvalDuration {@code prompt_eval_duration} in nanoseconds, or null
 * @param evalCount tokens generated ({@code eval_count}), or null
 * @param evalDuration {@code eval_duration} in nanoseconds, or null
 */
public record ChatResponse(
        String model, String createdAt, ChatMessage message, boolean done, String doneReason, Long totalDuration,
        Long loadDuration, Long promptEvalCount, Long promptEvalDuration, Long evalCount, Long evalDuration) {
}
