package dev.genaiotel.semconv;

/**
 * Values of {@code gen_ai.operation.purpose} ({@link GenAiAttributes#GEN_AI_OPERATION_PURPOSE}), an attribute of ours,
 * not of the semantic conventions: why an operation ran, so that guard and evaluation calls can be told apart from
 * the application's own generations. The vocabulary is open.
 */
public final class OperationPurpose {

    /** {@code generation}: the application's own use of the model. */
    public static final String GENERATION = "generation";

    /** {@code guard_evaluation}: a call that checks input or output against a guardrail. */
    public static final String GUARD_EVALUATION = "guard_evaluation";

    /** {@code quality_evaluation}: a call that judges the quality of another call's output. */
    public static final String QUALITY_EVALUATION = "quality_evaluation";

    private OperationPurpose() {}
}
