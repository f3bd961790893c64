package dev.genaiotel.spring.internal;

import dev.genaiotel.core.ConversationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Makes the chat memory's conversation id current (through {@link ConversationContext}) while a Spring AI model
 * observation's scope is open, read from the ChatClient call the model call belongs to (its observation's parents).
 * The observation chain, unlike the OpenTelemetry context, survives Micrometer Tracing's scopes, which replace the
 * current context with their own span's.
 */
public final class ConversationScopeHandler implements ObservationHandler<ChatModelObservationContext> {

    private static final int MAX_DEPTH = 32;

    /** Creates the handler. */
    public ConversationScopeHandler() {}

    /** The conversation id of the ChatClient call {@code context} belongs to, or null. */
    static String conversationId(Observation.ContextView context) {
        try {
            ObservationView parent = context.getParentObservation();
            for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
                Observation.ContextView view = parent.getContextView();
                if (view instanceof ChatClientObservationContext chatClient) {
                    Object id = chatClient.getRequest().context().get(ChatMemory.CONVERSATION_ID);
                    return id == null || id.toString().isBlank() ? null : id.toString();
                }
                parent = view.getParentObservation();
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("conversation id of an observation", e);
        }
        return null;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ChatModelObservationContext;
    }

    @Override
    public void onScopeOpened(ChatModelObservationContext context) {
        String id = conversationId(context);
        if (id == null || id.equals(ConversationContext.conversationId(Context.current()))) {
            return;
        }
        Scopes scopes = context.computeIfAbsent(Scopes.class, key -> new Scopes());
        scopes.byThread.computeIfAbsent(Thread.currentThread(), thread -> new ArrayDeque<>(2))
                .push(ConversationContext.with(Context.current(), id).makeCurrent());
    }

    @Override
    public void onScopeClosed(ChatModelObservationContext context) {
        Scopes scopes = context.get(Scopes.class);
        Deque<Scope> stack = scopes == null ? null : scopes.byThread.get(Thread.currentThread());
        if (stack != null && !stack.isEmpty()) {
            stack.pop().close();
        }
    }

    private static final class Scopes {
        final Map<Thread, Deque<Scope>> byThread = new ConcurrentHashMap<>(2);
    }
}
