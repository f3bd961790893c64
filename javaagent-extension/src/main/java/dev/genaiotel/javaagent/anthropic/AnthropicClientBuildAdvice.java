package dev.genaiotel.javaagent.anthropic;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Returns the client an anthropic-java builder built, instrumented. */
public final class AnthropicClientBuildAdvice {

    private AnthropicClientBuildAdvice() {}

    /** Called by the agent as the builder's {@code build()} returns. */
    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object client) {
        return AnthropicBridge.instrument(client);
    }
}
