package dev.genaiotel.langchain4j.internal;

import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import java.util.function.Consumer;

/**
 * Attaches an {@link AiServiceObserver} to an {@link AiServices} builder. Kept apart from the observer because only
 * this class needs the optional {@code langchain4j} module.
 */
public final class AiServiceHooks {

    private AiServiceHooks() {}

    /** Registers the observer's listeners and sets the before/after tool-execution hooks. */
    public static <T> AiServices<T> attach(AiServices<T> services, AiServiceObserver observer) {
        return attach(services, observer, null, null);
    }

    /**
     * Registers the observer's listeners and sets tool-execution hooks that also run the hooks the builder already
     * had: {@code before} ahead of the observer's (a tool span starts only once it has run without throwing) and
     * {@code after} behind it (the tool span has ended whatever it does). For the Java agent extension, which
     * instruments services that the application may have given hooks of its own.
     *
     * @param before the builder's before-tool-execution hook, or null
     * @param after the builder's after-tool-execution hook, or null
     */
    public static <T> AiServices<T> attach(AiServices<T> services, AiServiceObserver observer,
            Consumer<BeforeToolExecution> before, Consumer<ToolExecution> after) {
        return services.registerListeners(observer.listeners())
                .beforeToolExecution((BeforeToolExecution execution) -> {
                    if (before != null) {
                        before.accept(execution);
                    }
                    before(observer, execution);
                })
                .afterToolExecution((ToolExecution execution) -> {
                    after(observer, execution);
                    if (after != null) {
                        after.accept(execution);
                    }
                });
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
