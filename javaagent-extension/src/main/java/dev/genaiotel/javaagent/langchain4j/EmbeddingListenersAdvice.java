package dev.genaiotel.javaagent.langchain4j;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Returns an embedding model's listeners with this extension's listener among them. */
public final class EmbeddingListenersAdvice {

    private EmbeddingListenersAdvice() {}

    /** Called by the agent as the model's {@code listeners()} returns. */
    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object listeners) {
        return LangChain4jBridge.embeddingListeners(listeners);
    }
}
