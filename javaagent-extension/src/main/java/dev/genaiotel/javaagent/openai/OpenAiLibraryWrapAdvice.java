package dev.genaiotel.javaagent.openai;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Hands genai-otel's own {@code OpenAITelemetry.wrap} the client without this extension's instrumentation, so that
 * the application's instrumentation, with its own settings, is the only one on it.
 */
public final class OpenAiLibraryWrapAdvice {

    private OpenAiLibraryWrapAdvice() {}

    /** Called by the agent as the application's {@code OpenAITelemetry.wrap(client)} starts. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object onEnter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object client) {
        return OpenAiBridge.uninstrument(client);
    }
}
