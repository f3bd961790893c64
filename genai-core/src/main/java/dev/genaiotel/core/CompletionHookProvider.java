package dev.genaiotel.core;

import io.opentelemetry.api.OpenTelemetry;

/**
 * A named factory of {@link CompletionHook}s, found by {@link java.util.ServiceLoader} ({@code provides} in a module
 * descriptor or {@code META-INF/services/dev.genaiotel.core.CompletionHookProvider}) or offered through
 * {@link GenAiTelemetryBuilder#addCompletionHookProvider(CompletionHookProvider)}. The hooks in use are chosen by
 * name: {@code OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK} / {@code otel.instrumentation.genai.completion-hook}
 * (comma-separated) or {@link GenAiTelemetryBuilder#setCompletionHooks(String...)}. The built-in one is
 * {@value UploadCompletionHook#NAME} ({@link UploadCompletionHook}).
 */
public interface CompletionHookProvider {

    /** The name the hook is selected by, such as {@code upload}; compared ignoring case. */
    String name();

    /**
     * Creates the hook. A provider that throws or returns null is logged and skipped; the telemetry works without it.
     */
    CompletionHook create(Context context);

    /** What a provider may read while creating its hook. */
    interface Context {

        /** The OpenTelemetry instance the telemetry records to, for a hook's own metrics. */
        OpenTelemetry openTelemetry();

        /** The engine's settings. */
        GenAiSettings settings();

        /**
         * A configuration value: the system property {@code name} (dotted, such as
         * {@code otel.instrumentation.genai.upload-base-path}) or else its environment variable twin
         * ({@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH}), read from the sources the builder uses.
         *
         * @return the value, or null when unset or blank
         */
        String property(String name);
    }
}
