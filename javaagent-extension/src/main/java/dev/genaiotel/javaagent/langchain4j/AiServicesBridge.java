package dev.genaiotel.javaagent.langchain4j;

import dev.genaiotel.javaagent.GenAiAgent;
import dev.genaiotel.langchain4j.internal.AiServiceHooks;
import dev.genaiotel.langchain4j.internal.AiServiceObserver;
import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import dev.langchain4j.service.tool.ToolService;
import java.util.function.Consumer;

/**
 * Between the AI-service advice and provider-langchain4j; apart from {@link LangChain4jBridge} so that only
 * applications that have {@code dev.langchain4j:langchain4j} (where {@code AiServices} lives) load a class that
 * names it.
 */
public final class AiServicesBridge {

    private AiServicesBridge() {}

    /**
     * Instruments the AI service {@code services} is about to build, as provider-langchain4j's
     * {@code LangChain4jTelemetry.instrument} does: its AI-service listeners ({@code invoke_agent}) and tool hooks
     * ({@code execute_tool}). Tool hooks the application set keep running. A builder whose hooks are genai-otel's
     * already (the application's {@code instrument}, or this extension on an earlier {@code build()}) is left as it is.
     *
     * @param context the builder's {@code AiServiceContext}
     */
    public static void beforeBuild(Object services, Object context) {
        if (!(services instanceof AiServices<?> builder) || !(context instanceof AiServiceContext serviceContext)
                || serviceContext.toolService == null) {
            return;
        }
        ToolService tools = serviceContext.toolService;
        Consumer<BeforeToolExecution> before = tools.beforeToolExecution();
        Consumer<ToolExecution> after = tools.afterToolExecution();
        if ((before != null && LangChain4jBridge.isGenAiOtel(before.getClass()))
                || (after != null && LangChain4jBridge.isGenAiOtel(after.getClass()))) {
            return;
        }
        AiServiceHooks.attach(builder, Instrumented.OBSERVER, before, after);
    }

    private static final class Instrumented {
        static final AiServiceObserver OBSERVER = new AiServiceObserver(GenAiAgent.telemetry());
    }
}
