package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.AgentInvocation;
import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.AgentStep;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.ToolType;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records AI-service calls: an {@code invoke_agent} INTERNAL span per call, from LangChain4j's AI-service events
 * (started, completed, error), and an {@code execute_tool} span per tool execution, from the before/after
 * tool-execution hooks. Calls and tool executions in flight are kept by LangChain4j's invocation id and by the
 * identity of the tool-execution request, never in thread-locals.
 *
 * <p>The agent span is made current on the calling thread for service methods that answer synchronously, so that
 * the model calls the service makes nest in it; the scope is closed by the completed or error event on that same
 * thread. Streaming methods ({@code TokenStream} and reactive types) complete on another thread, so their span is
 * recorded but not made current: a scope must be closed on the thread that opened it.
 *
 * <p>The agent's loop is recorded as steps on its span ({@code gen_ai.agent.step} events): the model's thinking as a
 * thought, each tool execution request it answers with as an action, each executed tool's result as an observation.
 * The {@code execute_tool} spans stay as they are; the steps add the order and, under content capture, the texts.
 */
public final class AiServiceObserver {

    private static final int MAX_IN_FLIGHT = 10_000;
    /** LangChain4j's memory id when the method declares none: a placeholder, not a conversation id. */
    private static final String DEFAULT_MEMORY_ID = "default";

    private final GenAiTelemetry telemetry;
    private final Map<UUID, Call> calls = new ConcurrentHashMap<>();
    private final Map<ToolKey, dev.genaiotel.core.ToolExecution> tools = new ConcurrentHashMap<>();
    private final Map<String, Boolean> synchronousMethods = new ConcurrentHashMap<>();
    private final List<AiServiceListener<?>> listeners;

    public AiServiceObserver(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
        AiServiceStartedListener started = this::started;
        AiServiceCompletedListener completed = this::completed;
        AiServiceErrorListener error = this::error;
        AiServiceResponseReceivedListener responseReceived = this::responseReceived;
        ToolExecutedEventListener toolExecuted = this::toolExecuted;
        this.listeners = List.of(started, completed, error, responseReceived, toolExecuted);
    }

    /** The AI-service listeners to register. */
    public List<AiServiceListener<?>> listeners() {
        return listeners;
    }

    void started(AiServiceStartedEvent event) {
        try {
            InvocationContext invocation = event.invocationContext();
            if (!telemetry.isRecording() || invocation == null || invocation.invocationId() == null
                    || calls.size() >= MAX_IN_FLIGHT) {
                return;
            }
            AgentRequest request = AgentRequest.local(agentName(invocation.interfaceName()))
                    .withDetails(modelName(invocation), conversationId(invocation.chatMemoryId()), null, null)
                    .withInputMessages(() -> inputMessages(event));
            AgentInvocation agent = telemetry.startAgentInvocation(request);
            Scope scope = synchronous(invocation) ? agent.makeCurrent() : null;
            calls.put(invocation.invocationId(), new Call(agent, agent.context(), scope, Thread.currentThread()));
        } catch (Throwable failure) {
            FailSoft.log("AI service started", failure);
        }
    }

    void completed(AiServiceCompletedEvent event) {
        try {
            Call call = take(event.invocationContext());
            if (call == null) {
                return;
            }
            call.closeScope();
            InferenceResponse response = event.result().orElse(null) instanceof String text
                    ? InferenceResponse.builder().outputMessages(() -> List.of(new OutputMessage(Role.ASSISTANT,
                            List.of(new MessagePart.Text(text)), FinishReason.STOP))).build()
                    : InferenceResponse.empty();
            call.agent.end(response);
        } catch (Throwable failure) {
            FailSoft.log("AI service completed", failure);
        }
    }

    void error(AiServiceErrorEvent event) {
        try {
            Call call = take(event.invocationContext());
            if (call == null) {
                return;
            }
            call.closeScope();
            call.agent.fail(event.error(), ErrorTypes.of(event.error()));
        } catch (Throwable failure) {
            FailSoft.log("AI service error", failure);
        }
    }

    /** The model answered within the call: its thinking as a thought, its tool execution requests as actions. */
    void responseReceived(AiServiceResponseReceivedEvent event) {
        try {
            Call call = find(event.invocationContext());
            AiMessage message = call == null || event.response() == null ? null : event.response().aiMessage();
            if (message == null) {
                return;
            }
            if (message.thinking() != null && !message.thinking().isBlank()) {
                call.agent.recordStep(AgentStep.thought(message.thinking()));
            }
            if (message.hasToolExecutionRequests()) {
                for (ToolExecutionRequest request : message.toolExecutionRequests()) {
                    call.agent.recordStep(AgentStep.action(request.name(), request.arguments()));
                }
            }
        } catch (Throwable failure) {
            FailSoft.log("AI service response received", failure);
        }
    }

    /** A tool ran within the call: its result as an observation. */
    void toolExecuted(ToolExecutedEvent event) {
        try {
            Call call = find(event.invocationContext());
            ToolExecutionRequest request = event.request();
            if (call != null) {
                call.agent.recordStep(AgentStep.observation(request == null ? null : request.name(),
                        event.resultText()));
            }
        } catch (Throwable failure) {
            FailSoft.log("AI service tool executed", failure);
        }
    }

    /**
     * A tool is about to run: starts its {@code execute_tool} span under the call's agent span, whichever thread
     * runs the tool (tools may run concurrently on an executor).
     */
    public void beforeTool(ToolExecutionRequest request, InvocationContext invocation) {
        try {
            if (!telemetry.isRecording() || request == null || tools.size() >= MAX_IN_FLIGHT) {
                return;
            }
            Call call = invocation == null || invocation.invocationId() == null ? null
                    : calls.get(invocation.invocationId());
            String agentName = invocation == null ? null : agentName(invocation.interfaceName());
            ToolCall toolCall = new ToolCall(request.name() == null ? "" : request.name(), request.id(), null,
                    ToolType.FUNCTION, request.arguments(), agentName);
            dev.genaiotel.core.ToolExecution execution;
            if (call != null) {
                Scope scope = call.context.makeCurrent();
                try {
                    execution = telemetry.startToolExecution(toolCall);
                } finally {
                    scope.close();
                }
            } else {
                execution = telemetry.startToolExecution(toolCall);
            }
            tools.put(new ToolKey(request), execution);
        } catch (Throwable failure) {
            FailSoft.log("before tool execution", failure);
        }
    }

    /**
     * A tool ran: ends its span with the result (recorded only under content capture) or, when it failed,
     * {@code tool_error}.
     */
    public void afterTool(ToolExecutionRequest request, boolean failed, String result) {
        try {
            dev.genaiotel.core.ToolExecution execution = request == null ? null : tools.remove(new ToolKey(request));
            if (execution == null) {
                return;
            }
            if (failed) {
                execution.fail(null, "tool_error");
            } else {
                execution.end(result);
            }
        } catch (Throwable failure) {
            FailSoft.log("after tool execution", failure);
        }
    }

    private static List<InputMessage> inputMessages(AiServiceStartedEvent event) {
        List<InputMessage> input = new ArrayList<>(2);
        event.systemMessage().ifPresent(system -> input.add(ChatMapping.inputMessage(system)));
        if (event.userMessage() != null) {
            input.add(ChatMapping.inputMessage(event.userMessage()));
        }
        return input;
    }

    private Call find(InvocationContext invocation) {
        return invocation == null || invocation.invocationId() == null ? null : calls.get(invocation.invocationId());
    }

    private Call take(InvocationContext invocation) {
        return invocation == null || invocation.invocationId() == null ? null : calls.remove(invocation.invocationId());
    }

    /** True when the service method answers on the calling thread, so that the agent span may be made current. */
    private boolean synchronous(InvocationContext invocation) {
        String interfaceName = invocation.interfaceName();
        String methodName = invocation.methodName();
        if (interfaceName == null || methodName == null) {
            return false;
        }
        return synchronousMethods.computeIfAbsent(interfaceName + '#' + methodName,
                key -> returnsSynchronously(interfaceName, methodName));
    }

    private static boolean returnsSynchronously(String interfaceName, String methodName) {
        Class<?> service = load(interfaceName);
        if (service == null) {
            return false;
        }
        boolean found = false;
        for (Method method : service.getMethods()) {
            if (method.getName().equals(methodName)) {
                found = true;
                if (streaming(method.getReturnType())) {
                    return false;
                }
            }
        }
        return found;
    }

    private static boolean streaming(Class<?> type) {
        String name = type.getName();
        return name.equals("dev.langchain4j.service.TokenStream")
                || name.equals("reactor.core.publisher.Flux")
                || name.equals("io.smallrye.mutiny.Multi")
                || name.equals("org.reactivestreams.Publisher")
                || java.util.concurrent.Future.class.isAssignableFrom(type)
                || java.util.concurrent.CompletionStage.class.isAssignableFrom(type);
    }

    private static Class<?> load(String name) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(),
                AiServiceObserver.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                continue;
            }
        }
        return null;
    }

    /** The service interface's simple name: {@code com.example.Outer$Assistant} becomes {@code Assistant}. */
    static String agentName(String interfaceName) {
        if (interfaceName == null) {
            return null;
        }
        int cut = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$'));
        return interfaceName.substring(cut + 1);
    }

    private static String modelName(InvocationContext invocation) {
        ChatRequestParameters parameters = invocation.defaultRequestParameters();
        return parameters == null ? null : parameters.modelName();
    }

    private static String conversationId(Object memoryId) {
        if (memoryId == null) {
            return null;
        }
        String id = memoryId.toString();
        return id.isEmpty() || DEFAULT_MEMORY_ID.equals(id) ? null : id;
    }

    private record Call(AgentInvocation agent, Context context, Scope scope, Thread thread) {
        void closeScope() {
            if (scope != null && thread == Thread.currentThread()) {
                scope.close();
            }
        }
    }

    /** A tool-execution request by identity: two calls with equal arguments are still two executions. */
    private static final class ToolKey {
        private final ToolExecutionRequest request;

        ToolKey(ToolExecutionRequest request) {
            this.request = request;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ToolKey key && key.request == request;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(request);
        }
    }
}
