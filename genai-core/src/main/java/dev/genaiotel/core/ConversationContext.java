package dev.genaiotel.core;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.Objects;

/**
 * A conversation id carried in the OpenTelemetry {@link Context}, for frameworks that know the conversation while
 * the client underneath them makes the inference: every inference started in such a context whose request names no
 * conversation records this one as {@code gen_ai.conversation.id}. Only a real id (a chat memory's, a thread's),
 * never a synthesised one.
 *
 * <pre>{@code
 * try (Scope scope = ConversationContext.with(Context.current(), conversationId).makeCurrent()) {
 *     chatModel.call(prompt);   // its inference span carries gen_ai.conversation.id
 * }
 * }</pre>
 */
public final class ConversationContext {

    private static final ContextKey<String> CONVERSATION_ID = ContextKey.named("dev.genaiotel.core.conversation-id");

    private ConversationContext() {}

    /** {@code context} carrying {@code conversationId}. */
    public static Context with(Context context, String conversationId) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(conversationId, "conversationId");
        return context.with(CONVERSATION_ID, conversationId);
    }

    /** The conversation id {@code context} carries, or null. */
    public static String conversationId(Context context) {
        return context == null ? null : context.get(CONVERSATION_ID);
    }
}
