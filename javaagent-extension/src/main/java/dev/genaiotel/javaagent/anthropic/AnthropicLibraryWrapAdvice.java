package dev.genaiotel.javaagent.anthropic;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Hands genai-otel's own {@code AnthropicTelemetry.wrap} the client without this extension's instrumentation, so that
 * the application's instrumentation, with its own settings, is the only one on it.
 */
public final class AnthropicLibraryWrapAdvice {

    private AnthropicLibraryWrapAdvice() {}

    /** Called by the agent as the application's {@code AnthropicTelemetry.wrap(client)} starts. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object onEnter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object client) {
        return AnthropicBridge.uninstrument(client);
    }
}
