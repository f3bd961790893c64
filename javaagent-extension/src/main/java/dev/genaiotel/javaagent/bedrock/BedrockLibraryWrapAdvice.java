package dev.genaiotel.javaagent.bedrock;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Hands genai-otel's own {@code BedrockTelemetry.wrap} the async client without this extension's wrapper, so that the
 * application's instrumentation is the only one on it.
 */
public final class BedrockLibraryWrapAdvice {

    private BedrockLibraryWrapAdvice() {}

    /** Called by the agent as the application's {@code BedrockTelemetry.wrap(client)} starts. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(
            value = 0, typing = Assigner.Typing.DYNAMIC))
    public static Object onEnter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object client) {
        return BedrockBridge.uninstrument(client);
    }
}
