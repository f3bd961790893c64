package dev.genaiotel.spring.internal;

import dev.genaiotel.core.ConversationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * Hands the chat memory's conversation id ({@link ChatMemory#CONVERSATION_ID} in the request's context, which memory
 * advisors read too) to the inference of each model call, through {@link ConversationContext}. It runs last before
 * the model: inside the tool-calling loop, on the thread that calls (or subscribes to) the model, so that the
 * inference started there, by an instrumented client or at the model level, sees it. A request without a
 * conversation id passes through untouched.
 */
public final class ConversationAdvisor implements CallAdvisor, StreamAdvisor {

    /** Creates the advisor. */
    public ConversationAdvisor() {}

    @Override
    public String getName() {
        return "genai-otel-conversation";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    @SuppressWarnings("try")
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        Context context = context(request);
        if (context == null) {
            return chain.nextCall(request);
        }
        try (Scope ignored = context.makeCurrent()) {
            return chain.nextCall(request);
        }
    }

    @Override
    @SuppressWarnings("try")
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        Context context = context(request);
        if (context == null) {
            return chain.nextStream(request);
        }
        return Flux.from(subscriber -> {
            try (Scope ignored = context.makeCurrent()) {
                chain.nextStream(request).subscribe(subscriber);
            }
        });
    }

    private static Context context(ChatClientRequest request) {
        try {
            Object id = request.context().get(ChatMemory.CONVERSATION_ID);
            if (id == null || id.toString().isBlank()) {
                return null;
            }
            return ConversationContext.with(Context.current(), id.toString());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("conversation id", e);
            return null;
        }
    }
}
