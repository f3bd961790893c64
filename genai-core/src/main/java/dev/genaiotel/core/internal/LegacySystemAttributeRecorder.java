package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.ProviderName;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * Compatibility format {@code LEGACY_SYSTEM_ATTRIBUTE}: {@code gen_ai.system} beside {@code gen_ai.provider.name}
 * (the names older conventions used), with the values used before v1.37. Runs before the span recorder, which ends the
 * span.
 */
final class LegacySystemAttributeRecorder implements Recorder {

    @SuppressWarnings("deprecation")
    static final AttributeKey<String> GEN_AI_SYSTEM = GenAiAttributes.GEN_AI_SYSTEM;

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        record(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        record(op);
    }

    private static void record(Operation<?, ?> op) {
        Span span = op.span;
        if (!span.isRecording()) {
            return;
        }
        String provider = providerName(op);
        if (provider != null) {
            span.setAttribute(GEN_AI_SYSTEM, legacySystem(provider));
        }
    }

    /** The operation's {@code gen_ai.provider.name}, where its span records one; else null. */
    static String providerName(Operation<?, ?> op) {
        return op.providerName();
    }

    /** The {@code gen_ai.system} value for a {@code gen_ai.provider.name} value. */
    static String legacySystem(String providerName) {
        switch (providerName) {
            case ProviderName.AZURE_AI_INFERENCE:
                return "az.ai.inference";
            case ProviderName.AZURE_AI_OPENAI:
                return "az.ai.openai";
            case ProviderName.X_AI:
                return "xai";
            case ProviderName.GCP_VERTEX_AI:
                return "vertex_ai";
            case ProviderName.GCP_GEMINI:
                return "gemini";
            default:
                return providerName;
        }
    }
}
