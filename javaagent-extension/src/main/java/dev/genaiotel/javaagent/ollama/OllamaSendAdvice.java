package dev.genaiotel.javaagent.ollama;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around {@code HttpClient.send} ({@link OllamaSendAsyncAdvice} for {@code sendAsync}): an Ollama request is sent
 * through provider-ollama's instrumented client instead (the JDK method body is skipped, the instrumented client's
 * result or exception is the call's); any other request runs the JDK method untouched.
 */
public final class OllamaSendAdvice {

    private OllamaSendAdvice() {}

    /**
     * Sends an Ollama request instrumented.
     *
     * @return null to run the JDK method; otherwise what the call returns
     */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, inline = false)
    public static Object onEnter(@Advice.This Object client, @Advice.AllArguments Object[] arguments)
            throws Exception {
        return OllamaBridge.send(client, arguments, false);
    }

    /** Returns what the instrumented client returned, or the JDK method's own result. */
    @Advice.OnMethodExit(inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(@Advice.Enter Object sent,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
        return OllamaBridge.result(sent, returned);
    }
}
