package dev.genaiotel.javaagent.langchain4j;

import dev.genaiotel.core.Invocation;
import io.opentelemetry.context.Scope;

/**
 * The LangChain4j model calls running on this thread ({@code ChatModel.chat}, {@code StreamingChatModel.chat},
 * {@code EmbeddingModel.embed}), innermost first. The listener this extension adds makes its span current in the
 * innermost call when the call starts, and the call's end closes that scope on the same thread: for a streaming call
 * that is when the request has been sent, not when the stream ends (which may be on another thread).
 */
final class ModelCalls {

    private static final ThreadLocal<Call> INNERMOST = new ThreadLocal<>();

    private ModelCalls() {}

    /** One model call in progress, and the scope its span was made current in, if any. */
    private static final class Call {
        final Call outer;
        Scope scope;

        Call(Call outer) {
            this.outer = outer;
        }
    }

    /** A model call starts on this thread; hand what is returned to {@link #exit}. */
    static Object enter() {
        Call call = new Call(INNERMOST.get());
        INNERMOST.set(call);
        return call;
    }

    /** Makes {@code invocation} current for the rest of the innermost call, unless something already was. */
    static void makeCurrent(Invocation invocation) {
        Call call = INNERMOST.get();
        if (call != null && call.scope == null && invocation != null) {
            call.scope = invocation.makeCurrent();
        }
    }

    /** The call that {@link #enter} returned {@code started} for has returned or thrown. */
    static void exit(Object started) {
        if (!(started instanceof Call call)) {
            return;
        }
        try {
            if (call.scope != null) {
                call.scope.close();
            }
        } finally {
            if (call.outer == null) {
                INNERMOST.remove();
            } else {
                INNERMOST.set(call.outer);
            }
        }
    }
}
