package dev.genaiotel.core;

import dev.genaiotel.core.internal.LazyList;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the model answered: the response side of the inference span (the GenAI inference span). Nullable components
 * are not recorded when null. Build with {@link #builder()}, or {@link #metadata(String, String, List)} for the
 * common id / model / finish-reasons case.
 *
 * <p>The message lists are copied, the values inside the parts (tool arguments and results, schemas, generic
 * properties) are not: content is read when it is encoded, the span's JSON as the call ends, the event's structured
 * values and the upload hook's files possibly later, on the SDK's and the hook's threads. Hand over maps and lists the
 * application no longer changes; the provider modules build their own.
 *
 * @param responseId {@code gen_ai.response.id}, or null
 * @param responseModel {@code gen_ai.response.model}, or null
 * @param finishReasons {@code gen_ai.response.finish_reasons}, one per choice in order, as the provider spells them
 *     (normalised when recorded); a null entry, for a choice that got no finish reason, is recorded as
 *     {@code error}; empty when unknown
 * @param outputMessages {@code gen_ai.output.messages} (opt-in content); empty when none
 * @param usage the {@code gen_ai.usage.*} counts, or null when unknown
 * @param attributes provider-specific response attributes ({@code openai.response.*}), set on the span at end
 * @param mediaUsage usage counted in seconds of audio or images ({@code gen_ai.usage.audio.*_seconds},
 *     {@code gen_ai.usage.image.*_count}, ours), or null when none was reported
 */
public record InferenceResponse(
        String responseId,
        String responseModel,
        List<String> finishReasons,
        List<OutputMessage> outputMessages,
        TokenUsage usage,
        Attributes attributes,
        MediaUsage mediaUsage) {

    private static final InferenceResponse EMPTY = new InferenceResponse(null, null, null, null, null, null, null);

    /** Copies the lists; a null finish reason (a choice that got none) becomes {@code error}. */
    public InferenceResponse {
        finishReasons = finishReasons == null ? List.of() : copyReasons(finishReasons);
        outputMessages = LazyList.copyOf(outputMessages);
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /**
     * A response without media usage: the components before {@link #mediaUsage()} was added.
     *
     * @param responseId {@code gen_ai.response.id}, or null
     * @param responseModel {@code gen_ai.response.model}, or null
     * @param finishReasons {@code gen_ai.response.finish_reasons}, or null
     * @param outputMessages {@code gen_ai.output.messages}, or null
     * @param usage the {@code gen_ai.usage.*} counts, or null
     * @param attributes provider-specific response attributes, or null
     */
    public InferenceResponse(String responseId, String responseModel, List<String> finishReasons,
            List<OutputMessage> outputMessages, TokenUsage usage, Attributes attributes) {
        this(responseId, responseModel, finishReasons, outputMessages, usage, attributes, null);
    }

    /**
     * An unmodifiable copy with {@code error} for each null. Without a null, {@link List#copyOf} returns a list that
     * is already unmodifiable as it is (providers mostly pass {@code List.of(...)}, and {@link #orElse} passes a
     * response's own list), so an inference allocates nothing here.
     */
    private static List<String> copyReasons(List<String> reasons) {
        for (String reason : reasons) {
            if (reason == null) {
                List<String> copy = new ArrayList<>(reasons.size());
                for (String each : reasons) {
                    copy.add(each == null ? FinishReason.ERROR : each);
                }
                return List.copyOf(copy);
            }
        }
        return List.copyOf(reasons);
    }

    /** A response about which nothing is known. */
    public static InferenceResponse empty() {
        return EMPTY;
    }

    /**
     * The response-metadata helper for manual instrumentation: id, model and finish reasons.
     *
     * @param responseId {@code gen_ai.response.id}, or null
     * @param responseModel {@code gen_ai.response.model}, or null
     * @param finishReasons {@code gen_ai.response.finish_reasons}, or null
     */
    public static InferenceResponse metadata(String responseId, String responseModel, List<String> finishReasons) {
        return new InferenceResponse(responseId, responseModel, finishReasons, null, null, null);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** This response with every component it lacks taken from {@code other}. */
    public InferenceResponse orElse(InferenceResponse other) {
        if (other == null || other == EMPTY) {
            return this;
        }
        return new InferenceResponse(
                responseId != null ? responseId : other.responseId,
                responseModel != null ? responseModel : other.responseModel,
                !finishReasons.isEmpty() ? finishReasons : other.finishReasons,
                LazyList.orElse(outputMessages, other.outputMessages),
                usage != null ? usage.orElse(other.usage) : other.usage,
                other.attributes.isEmpty() ? attributes : other.attributes.toBuilder().putAll(attributes).build(),
                mediaUsage != null ? mediaUsage.orElse(other.mediaUsage) : other.mediaUsage);
    }

    /** Builds an {@link InferenceResponse}; not thread-safe. */
    public static final class Builder {
        private String responseId;
        private String responseModel;
        private List<String> finishReasons;
        private List<OutputMessage> outputMessages;
        private TokenUsage usage;
        private Attributes attributes;
        private MediaUsage mediaUsage;

        private Builder() {}

        /** {@code gen_ai.response.id}. */
        public Builder responseId(String value) {
            responseId = value;
            return this;
        }

        /** {@code gen_ai.response.model}. */
        public Builder responseModel(String value) {
            responseModel = value;
            return this;
        }

        /** {@code gen_ai.response.finish_reasons}. */
        public Builder finishReasons(List<String> value) {
            finishReasons = value;
            return this;
        }

        /** {@code gen_ai.output.messages}. */
        public Builder outputMessages(List<OutputMessage> value) {
            outputMessages = value;
            return this;
        }

        /**
         * {@code gen_ai.output.messages}, mapped only if something records content: the core calls {@code mapping}
         * at most once, when content is first read, and never with content capture off. A mapping that throws costs
         * this content only (logged once).
         */
        public Builder outputMessages(Supplier<? extends List<OutputMessage>> mapping) {
            outputMessages = LazyList.of(mapping);
            return this;
        }

        /** {@code gen_ai.usage.*}. */
        public Builder usage(TokenUsage value) {
            usage = value;
            return this;
        }

        /** Provider-specific response attributes. */
        public Builder attributes(Attributes value) {
            attributes = value;
            return this;
        }

        /**
         * Usage counted in seconds of audio or images: {@code gen_ai.usage.audio.input_seconds},
         * {@code .output_seconds}, {@code gen_ai.usage.image.input_count}, {@code .output_count} (ours).
         */
        public Builder mediaUsage(MediaUsage value) {
            mediaUsage = value;
            return this;
        }

        /** The response. */
        public InferenceResponse build() {
            return new InferenceResponse(responseId, responseModel, finishReasons, outputMessages, usage, attributes,
                    mediaUsage);
        }
    }
}
