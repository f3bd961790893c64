package dev.genaiotel.core;

/**
 * Where message content ({@code gen_ai.input.messages}, {@code gen_ai.output.messages},
 * {@code gen_ai.system_instructions}, {@code gen_ai.tool.definitions}, tool-call arguments and results, retrieval
 * queries and documents) is recorded. Read from {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT} /
 * {@code otel.instrumentation.genai.capture-message-content}; content is never captured by default, as the
 * conventions require.
 */
public enum ContentCapture {
    /** No content anywhere (the default). */
    NO_CONTENT,
    /** Content on the span only. */
    SPAN_ONLY,
    /** Content on the {@code gen_ai.client.inference.operation.details} event only. */
    EVENT_ONLY,
    /** Content on the span and on the event. */
    SPAN_AND_EVENT;

    boolean onSpan() {
        return this == SPAN_ONLY || this == SPAN_AND_EVENT;
    }

    boolean onEvent() {
        return this == EVENT_ONLY || this == SPAN_AND_EVENT;
    }
}
