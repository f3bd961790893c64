package dev.genaiotel.javaagent.langchain4j;

import dev.genaiotel.javaagent.GenAiAgent;
import dev.genaiotel.javaagent.instrumentation.LibraryClassNames;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Between the advice and provider-langchain4j, in the loader that sees the application's LangChain4j. */
public final class LangChain4jBridge {

    /** How far up the stack a call through the application's own provider-langchain4j wrapper is looked for. */
    private static final int WRAPPER_FRAMES = 16;

    private LangChain4jBridge() {}

    /**
     * What a chat or streaming chat model's {@code listeners()} returns, with this extension's listener after the
     * model's own, unless genai-otel already records the model's calls: one of its listeners is there (the
     * application's, or this extension's through a model that delegates), or the application's own
     * provider-langchain4j wrapper is making the call.
     */
    public static Object chatListeners(Object listeners) {
        return withOurs(listeners, Instrumented.CHAT);
    }

    /** As {@link #chatListeners}, for an embedding model's {@code listeners()}. */
    public static Object embeddingListeners(Object listeners) {
        return withOurs(listeners, Instrumented.EMBEDDING);
    }

    /** A model call starts on this thread; what it returns goes to {@link #exitCall}. */
    public static Object enterCall() {
        return ModelCalls.enter();
    }

    /** The model call {@code started} has returned or thrown: the span made current in it is current no more. */
    public static void exitCall(Object started) {
        ModelCalls.exit(started);
    }

    private static Object withOurs(Object returned, Object ours) {
        List<?> listeners = returned instanceof List<?> list ? list : returned == null ? List.of() : null;
        if (listeners == null) {
            return returned;
        }
        for (Object listener : listeners) {
            if (listener != null && isGenAiOtel(listener.getClass())) {
                return returned;
            }
        }
        if (calledByApplicationsWrapper()) {
            return returned;
        }
        List<Object> withOurs = new ArrayList<>(listeners.size() + 1);
        withOurs.addAll(listeners);
        withOurs.add(ours);
        return Collections.unmodifiableList(withOurs);
    }

    /** Whether {@code type} is genai-otel's: the application's provider-langchain4j or this extension. */
    static boolean isGenAiOtel(Class<?> type) {
        String name = type.getName();
        return name.startsWith(LibraryClassNames.providerPackage("langchain4j"))
                || name.startsWith(OwnPackages.PROVIDER) || name.startsWith(OwnPackages.EXTENSION);
    }

    private static boolean calledByApplicationsWrapper() {
        String library = LibraryClassNames.providerPackage("langchain4j");
        return StackWalker.getInstance().walk(frames -> frames.limit(WRAPPER_FRAMES)
                .anyMatch(frame -> frame.getClassName().startsWith(library)));
    }

    /** The packages of this extension's own (relocated) LangChain4j classes. */
    static final class OwnPackages {
        static final String PROVIDER = LangChain4jTelemetry.class.getPackageName() + ".";
        static final String EXTENSION = LangChain4jBridge.class.getPackageName() + ".";

        private OwnPackages() {}
    }

    /** The listeners this extension adds, built on first use. */
    private static final class Instrumented {
        static final LangChain4jTelemetry TELEMETRY = LangChain4jTelemetry.create(GenAiAgent.telemetry());
        static final CurrentChatModelListener CHAT = new CurrentChatModelListener(TELEMETRY.chatModelListener());
        static final CurrentEmbeddingModelListener EMBEDDING =
                new CurrentEmbeddingModelListener(TELEMETRY.embeddingModelListener());
    }
}
