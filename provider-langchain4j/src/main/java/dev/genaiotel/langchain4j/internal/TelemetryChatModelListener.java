package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import java.util.Map;

/**
 * A {@link ChatModelListener} that records one inference per chat call. The inference travels from
 * {@code onRequest} to {@code onResponse}/{@code onError} in the call's listener attributes, never in a thread-local:
 * a streaming model calls {@code onResponse} on another thread.
 */
public final class TelemetryChatModelListener implements ChatModelListener {

    /** The attributes key of the call's inference; private to this class, so no other listener can clash with it. */
    private static final Object INFERENCE = new Object() {
        @Override
        public String toString() {
            return "dev.genaiotel.langchain4j.inference";
        }
    };

    private final GenAiTelemetry telemetry;
    private final String otherProviderName;

    public TelemetryChatModelListener(GenAiTelemetry telemetry, String otherProviderName) {
        this.telemetry = telemetry;
        this.otherProviderName = otherProviderName;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        try {
            if (!telemetry.isRecording() || context.chatRequest() == null) {
                return;
            }
            Inference inference = telemetry.startInference(ChatMapping.request(context.chatRequest(),
                    context.modelProvider(), otherProviderName, false));
            Map<Object, Object> attributes = context.attributes();
            if (attributes != null) {
                attributes.put(INFERENCE, inference);
            } else {
                inference.end();
            }
        } catch (Throwable failure) {
            FailSoft.log("ChatModelListener.onRequest", failure);
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        try {
            Inference inference = take(context.attributes());
            if (inference == null) {
                return;
            }
            if (context.chatResponse() == null) {
                inference.end();
            } else {
                inference.end(ChatMapping.response(context.chatResponse()));
            }
        } catch (Throwable failure) {
            FailSoft.log("ChatModelListener.onResponse", failure);
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        try {
            Inference inference = take(context.attributes());
            if (inference != null) {
                inference.fail(context.error(), ErrorTypes.of(context.error()));
            }
        } catch (Throwable failure) {
            FailSoft.log("ChatModelListener.onError", failure);
        }
    }

    /**
     * The inference this listener started for a call and has not ended yet, found in the call's listener attributes;
     * null when there is none. For the Java agent extension, which makes it current while the model makes its call.
     */
    public static Inference inFlight(Map<Object, Object> attributes) {
        return attributes != null && attributes.get(INFERENCE) instanceof Inference inference ? inference : null;
    }

    private static Inference take(Map<Object, Object> attributes) {
        return attributes != null && attributes.remove(INFERENCE) instanceof Inference inference ? inference : null;
    }
}
