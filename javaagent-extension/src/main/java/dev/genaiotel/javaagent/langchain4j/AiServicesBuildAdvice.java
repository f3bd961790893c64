package dev.genaiotel.javaagent.langchain4j;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Instruments an AI service as its {@code AiServices} builder builds it. */
public final class AiServicesBuildAdvice {

    private AiServicesBuildAdvice() {}

    /** Called by the agent as the builder's {@code build()} starts. */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void onEnter(@Advice.This Object services,
            @Advice.FieldValue(value = "context", typing = Assigner.Typing.DYNAMIC) Object context) {
        AiServicesBridge.beforeBuild(services, context);
    }
}
