package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.GenAiOperation;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link CompletionHook}s of one engine at the end of every inference, before the span recorder, each isolated
 * from the others and from the application: a failure is logged once per hook and cause.
 */
final class CompletionHooks {

    private final CompletionHook[] hooks;
    private final FailureLog failures;
    private final boolean toolDefinitionDetails;
    private final AtomicBoolean closed = new AtomicBoolean();

    CompletionHooks(List<CompletionHook> hooks, FailureLog failures, boolean toolDefinitionDetails) {
        this.hooks = hooks.toArray(new CompletionHook[0]);
        this.failures = failures;
        this.toolDefinitionDetails = toolDefinitionDetails;
    }

    /** True when any hook is registered, so content has to be kept for it even when no signal records it. */
    boolean active() {
        return hooks.length > 0;
    }

    /**
     * Calls every hook for a finished inference; the span is still running. Also after {@link #close()}: a closed hook
     * drops what it is given, and the upload hook counts it, so that no inference leaves the hooks unaccounted.
     */
    void completed(Operation<?, ?> op) {
        if (hooks.length == 0 || !op.spec.inference()) {
            return;
        }
        Completion completion;
        try {
            completion = new Completion(op, toolDefinitionDetails);
        } catch (Throwable failure) {
            failures.failed(this, "completion", failure);
            return;
        }
        for (CompletionHook hook : hooks) {
            try {
                hook.onCompletion(completion);
            } catch (Throwable failure) {
                failures.failed(hook, "completion", failure);
            }
        }
    }

    /** Flushes every hook within one shared deadline; false when any did not finish or failed. */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean all = true;
        for (CompletionHook hook : hooks) {
            try {
                all &= hook.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (Throwable failure) {
                failures.failed(hook, "flush", failure);
                all = false;
            }
        }
        return all;
    }

    /** Closes every hook, once; later completions are still passed on, for the hooks to drop and count. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (CompletionHook hook : hooks) {
            try {
                hook.close();
            } catch (Throwable failure) {
                failures.failed(hook, "close", failure);
            }
        }
    }

    /** The redacted content of one inference, as a hook sees it. */
    private static final class Completion implements CompletionHook.Completion {
        private final Operation<?, ?> op;
        private final boolean toolDefinitionDetails;
        private final List<MessagePart> system;
        private final List<InputMessage> input;
        private final List<ToolDefinition> tools;
        private final List<OutputMessage> output;

        Completion(Operation<?, ?> op, boolean toolDefinitionDetails) {
            this.op = op;
            this.toolDefinitionDetails = toolDefinitionDetails;
            Conversation conversation = op.conversation(false);
            system = conversation.system();
            input = conversation.input();
            tools = conversation.tools();
            output = conversation.output();
        }

        @Override
        public GenAiOperation operation() {
            return op;
        }

        @Override
        public List<MessagePart> systemInstructions() {
            return system;
        }

        @Override
        public List<InputMessage> inputMessages() {
            return input;
        }

        @Override
        public List<OutputMessage> outputMessages() {
            return output;
        }

        @Override
        public List<ToolDefinition> toolDefinitions() {
            return tools;
        }

        @Override
        public boolean toolDefinitionDetails() {
            return toolDefinitionDetails;
        }

        @Override
        public Span span() {
            return op.span;
        }

        @Override
        public AttributesBuilder eventAttributes() {
            AttributesBuilder attributes = Slot.COMPLETION_EVENT_ATTRIBUTES.get(op);
            if (attributes == null) {
                attributes = Attributes.builder();
                Slot.COMPLETION_EVENT_ATTRIBUTES.set(op, attributes);
            }
            return attributes;
        }
    }
}
