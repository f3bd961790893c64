package dev.genaiotel.langchain4j.internal;

import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;

/**
 * Attaches an {@link AiServiceObserver} to an {@link AiServices} builder. Kept apart from the observer because only
 * this class needs the optional {@code langchain4j} module.
 */
public final class AiServiceHooks {

    private AiServiceHooks() {}

    /** Registers the observer's listeners and sets the before/after tool-execution hooks. */
    public static <T> AiServices<T> attach(AiServices<T> services, AiServiceObserver observer) {
        return services.registerListeners(observer.listeners())
                .beforeToolExecution((BeforeToolExecution before) -> before(observer, before))
                .afterToolExecution((ToolExecution after) -> after(observer, after));
    }

    private static void before(AiServiceObserver observer, BeforeToolExecution before) {
        try {
            observer.beforeTool(before.request(), before.invocationContext());
        } catch (Throwable failure) {
            FailSoft.log("before tool execution", failure);
        }
    }

    private static void after(AiServiceObserver observer, ToolExecution after) {
        try {
            observer.afterTool(after.request(), after.hasFailed(), after.result());
        } catch (Throwable failure) {
            FailSoft.log("after tool execution", failure);
        }
    }
}
