package dev.genaiotel.core;

import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;

/**
 * An in-process hook that sees the content of every finished inference (see the README, "Completion hooks"): the place
 * to upload
 * content to external storage and stamp references to it, such as {@link UploadCompletionHook}.
 *
 * <p>Called once per inference that ends or fails, synchronously on the thread that ends it, before the span ends
 * and before {@code gen_ai.client.inference.operation.details} is emitted, so it can add attributes to both. It is
 * called regardless of the sampling decision (also for a span that is not recording) and of the content-capture mode:
 * with {@link ContentCapture#NO_CONTENT} the content still reaches hooks but no signal. The content is the redacted
 * form ({@link ContentRedactor}) in the conventions' structure, before JSON encoding and without the size budgets.
 *
 * <p>Register one with {@link GenAiTelemetryBuilder#addCompletionHook(CompletionHook)}, or by name through a
 * {@link CompletionHookProvider}. Either way a hook that throws is isolated: the failure is logged once per cause and
 * neither the operation nor the application see it. {@link GenAiTelemetry#close()} flushes and closes every hook.
 * Hooks are not called while the telemetry records nothing ({@link GenAiTelemetry#isRecording()} false).
 */
public interface CompletionHook extends AutoCloseable {

    /** Called once per finished inference, before its span ends; should be quick, and hand slow work to a thread. */
    void onCompletion(Completion completion);

    /**
     * Waits until work accepted so far is done, at most {@code timeout}.
     *
     * @return true when everything was done in time
     */
    default boolean flush(Duration timeout) {
        return true;
    }

    /**
     * Flushes and releases resources. Inferences that finish later are still passed to {@link #onCompletion}, which
     * then drops them (the upload hook counts them on {@code gen_ai.upload.dropped} with {@code error.type=closed}).
     */
    @Override
    default void close() {}

    /**
     * What one finished inference holds, handed to {@link #onCompletion}. The lists are immutable and may be kept; the
     * span and the event attributes are only to be used during the call.
     */
    interface Completion {

        /** The operation: name, request, outcome, error, span context. */
        GenAiOperation operation();

        /** {@code gen_ai.system_instructions} before encoding; never null, possibly empty. */
        List<MessagePart> systemInstructions();

        /** {@code gen_ai.input.messages} before encoding; never null, possibly empty. */
        List<InputMessage> inputMessages();

        /** {@code gen_ai.output.messages} before encoding (a failed inference's partial output); never null. */
        List<OutputMessage> outputMessages();

        /** {@code gen_ai.tool.definitions} before encoding; never null, possibly empty. */
        List<ToolDefinition> toolDefinitions();

        /**
         * Whether tool definitions are to be encoded with description and parameters
         * ({@link GenAiSettings#toolDefinitionDetails()}), not only type and name.
         */
        boolean toolDefinitionDetails();

        /** The inference span, still running; possibly not recording (not sampled). */
        Span span();

        /**
         * Attributes added to the {@code gen_ai.client.inference.operation.details} event of this inference, when that
         * event is emitted; for reference attributes such as {@code gen_ai.input.messages_ref}.
         */
        AttributesBuilder eventAttributes();
    }
}
