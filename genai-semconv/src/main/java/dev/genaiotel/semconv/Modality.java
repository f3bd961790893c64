package dev.genaiotel.semconv;

/**
 * Well-known values of the {@code modality} of blob, file and URI parts in {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages} ({@link GenAiAttributes#GEN_AI_INPUT_MESSAGES},
 * {@link GenAiAttributes#GEN_AI_OUTPUT_MESSAGES}). The vocabulary is open.
 */
public final class Modality {

    /** {@code image}: an image. */
    public static final String IMAGE = "image";

    /** {@code video}: a video. */
    public static final String VIDEO = "video";

    /** {@code audio}: audio. */
    public static final String AUDIO = "audio";

    /** {@code document}: a document, e.g. a PDF. */
    public static final String DOCUMENT = "document";

    private Modality() {}
}
