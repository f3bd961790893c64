package dev.genaiotel.javaagent.bedrock;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around a Bedrock client builder's {@code buildClient()}: the client is built with genai-otel's execution
 * interceptor (the builder's own configuration is put back afterwards), and an async client is returned wrapped.
 */
public final class BedrockClientBuildAdvice {

    private BedrockClientBuildAdvice() {}

    /**
     * Adds the interceptor to what the client is built with.
     *
     * @return what to do afterwards; never null
     */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(@Advice.This Object builder) {
        return BedrockBridge.beforeBuild(builder);
    }

    /** Restores the builder and returns the client, wrapped when it is async. */
    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(@Advice.This Object builder, @Advice.Enter Object build,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object client) {
        return BedrockBridge.afterBuild(builder, build, client);
    }
}
