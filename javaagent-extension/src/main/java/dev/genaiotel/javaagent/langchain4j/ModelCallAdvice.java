package dev.genaiotel.javaagent.langchain4j;

import net.bytebuddy.asm.Advice;

/**
 * Around the LangChain4j methods that call a model's listeners ({@code ChatModel.chat},
 * {@code StreamingChatModel.chat}, {@code EmbeddingModel.embed}): the span this extension's listener starts in the
 * call is current until the method returns.
 */
public final class ModelCallAdvice {

    private ModelCallAdvice() {}

    /**
     * The call starts.
     *
     * @return the call, for {@link #onExit}
     */
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter() {
        return LangChain4jBridge.enterCall();
    }

    /** The call returned or threw. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(@Advice.Enter Object call) {
        LangChain4jBridge.exitCall(call);
    }
}
