/**
 * The provider-neutral GenAI invocation engine: providers describe what happened, this module decides what is
 * recorded as OpenTelemetry spans, metrics and events following the GenAI semantic conventions.
 *
 * <p>Entry point: {@link dev.genaiotel.core.GenAiTelemetry}. User listeners ({@link dev.genaiotel.core.GenAiListener})
 * are found with {@link java.util.ServiceLoader}, on the module path through {@code provides} and on the class path
 * through {@code META-INF/services/dev.genaiotel.core.GenAiListener}; so are content redactors
 * ({@link dev.genaiotel.core.ContentRedactor}) and completion-hook providers
 * ({@link dev.genaiotel.core.CompletionHookProvider}; this module provides the built-in {@code upload} hook).
 */
module dev.genaiotel.core {
    requires transitive dev.genaiotel.semconv;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires transitive java.logging; // InstrumentationFailures takes a java.util.logging.Logger
    requires com.fasterxml.jackson.core;

    exports dev.genaiotel.core;

    uses dev.genaiotel.core.GenAiListener;
    uses dev.genaiotel.core.ContentRedactor;
    uses dev.genaiotel.core.CompletionHookProvider;

    provides dev.genaiotel.core.CompletionHookProvider with dev.genaiotel.core.internal.UploadCompletionHookProvider;
}
