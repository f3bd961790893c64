package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.token.modality} ({@link GenAiAttributes#GEN_AI_TOKEN_MODALITY}), the required
 * attribute of the v0.1.0 {@code gen_ai.client.inference.usage.*} counters. The vocabulary is open. Report a
 * modality only from a breakdown the provider gave; otherwise use {@link #UNKNOWN}.
 */
public final class TokenModality {

    /** {@code text}: text tokens. */
    public static final String TEXT = "text";

    /** {@code image}: image tokens. */
    public static final String IMAGE = "image";

    /** {@code audio}: audio tokens. */
    public static final String AUDIO = "audio";

    /** {@code unknown}: the provider gives no per-modality breakdown and the modality cannot be determined. */
    public static final String UNKNOWN = "unknown";

    private TokenModality() {}
}
