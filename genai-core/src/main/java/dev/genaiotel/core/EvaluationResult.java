package dev.genaiotel.core;

import java.util.Objects;

/**
 * The result of evaluating a GenAI operation, recorded as the {@code gen_ai.evaluation.result} event.
 *
 * @param name {@code gen_ai.evaluation.name}, such as {@code Relevance}
 * @param scoreValue {@code gen_ai.evaluation.score.value}, or null
 * @param scoreLabel {@code gen_ai.evaluation.score.label} (low cardinality, such as {@code pass}), or null
 * @param explanation {@code gen_ai.evaluation.explanation}, or null
 * @param responseId {@code gen_ai.response.id} of the evaluated response, or null
 * @param errorType {@code error.type} when the evaluation itself failed, or null
 */
public record EvaluationResult(
        String name, Double scoreValue, String scoreLabel, String explanation, String responseId, String errorType) {

    /** Checks the required name. */
    public EvaluationResult {
        Objects.requireNonNull(name, "name");
    }

    /** A scored result. */
    public static EvaluationResult of(String name, Double scoreValue, String scoreLabel) {
        return new EvaluationResult(name, scoreValue, scoreLabel, null, null, null);
    }

    /** This result with an explanation. */
    public EvaluationResult withExplanation(String value) {
        return new EvaluationResult(name, scoreValue, scoreLabel, value, responseId, errorType);
    }

    /** This result for the response with this id. */
    public EvaluationResult withResponseId(String value) {
        return new EvaluationResult(name, scoreValue, scoreLabel, explanation, value, errorType);
    }
}
