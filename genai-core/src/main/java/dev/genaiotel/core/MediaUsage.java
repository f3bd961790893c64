package dev.genaiotel.core;

/**
 * Usage a provider reports in units other than tokens: seconds of audio and numbers of images (ours:
 * {@code gen_ai.usage.audio.input_seconds}, {@code gen_ai.usage.audio.output_seconds},
 * {@code gen_ai.usage.image.input_count}, {@code gen_ai.usage.image.output_count}; the conventions count tokens
 * only). Recorded on the span, with no metric. Every figure is nullable: null means not reported, and nothing is
 * recorded for it. A negative or non-finite figure is not a usage and becomes null.
 *
 * @param inputAudioSeconds seconds of audio in the input, or null
 * @param outputAudioSeconds seconds of audio generated, or null
 * @param inputImages images in the input, or null
 * @param outputImages images generated, or null
 */
public record MediaUsage(Double inputAudioSeconds, Double outputAudioSeconds, Long inputImages, Long outputImages) {

    /** Drops figures that cannot be usage (negative, NaN, infinite). */
    public MediaUsage {
        inputAudioSeconds = seconds(inputAudioSeconds);
        outputAudioSeconds = seconds(outputAudioSeconds);
        inputImages = count(inputImages);
        outputImages = count(outputImages);
    }

    /**
     * Numbers of images.
     *
     * @param input images in the input, or null
     * @param output images generated, or null
     */
    public static MediaUsage images(Long input, Long output) {
        return new MediaUsage(null, null, input, output);
    }

    /**
     * Seconds of audio.
     *
     * @param input seconds of audio in the input, or null
     * @param output seconds of audio generated, or null
     */
    public static MediaUsage audioSeconds(Double input, Double output) {
        return new MediaUsage(input, output, null, null);
    }

    /**
     * This usage with every figure it lacks taken from {@code other}.
     *
     * @param other the usage to fill from, or null
     */
    public MediaUsage orElse(MediaUsage other) {
        if (other == null) {
            return this;
        }
        return new MediaUsage(
                inputAudioSeconds != null ? inputAudioSeconds : other.inputAudioSeconds,
                outputAudioSeconds != null ? outputAudioSeconds : other.outputAudioSeconds,
                inputImages != null ? inputImages : other.inputImages,
                outputImages != null ? outputImages : other.outputImages);
    }

    private static Double seconds(Double value) {
        return value == null || !Double.isFinite(value) || value < 0 ? null : value;
    }

    private static Long count(Long value) {
        return value == null || value < 0 ? null : value;
    }
}
