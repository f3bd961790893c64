package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.output.type} ({@link GenAiAttributes#GEN_AI_OUTPUT_TYPE}): the output modality
 * the request asked for, not the format actually returned. The vocabulary is open.
 */
public final class OutputType {

    /** {@code text}: plain text. */
    public static final String TEXT = "text";

    /** {@code json}: structured output, with or without a schema. */
    public static final String JSON = "json";

    /** {@code image}: an image. */
    public static final String IMAGE = "image";

    /** {@code speech}: speech. */
    public static final String SPEECH = "speech";

    private OutputType() {}
}
