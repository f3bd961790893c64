package dev.genaiotel.spring.internal;

import dev.genaiotel.core.Embeddings;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.Invocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.util.ClassUtils;

/**
 * Records Spring AI's chat and embedding model calls from the observations every Spring AI model makes (start,
 * scope, error, stop): an inference or embeddings span per call, current while the observation's scope is open,
 * ended exactly once when the observation stops (for a stream: completed, failed or cancelled). Models whose
 * requests already go through an instrumented client are left to it.
 */
public final class ModelObservationHandler implements ObservationHandler<Observation.Context> {

    private final GenAiTelemetry telemetry;
    private final Predicate<String> clientInstrumented;
    private final boolean chatClientPresent = ClassUtils.isPresent(
            "org.springframework.ai.chat.client.observation.ChatClientObservationContext",
            ModelObservationHandler.class.getClassLoader());

    /**
     * Records through {@code telemetry}.
     *
     * @param telemetry the application's telemetry
     * @param clientInstrumented whether a Spring AI provider's models are recorded at their client
     */
    public ModelObservationHandler(GenAiTelemetry telemetry, Predicate<String> clientInstrumented) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clientInstrumented = Objects.requireNonNull(clientInstrumented, "clientInstrumented");
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return (context instanceof ChatModelObservationContext || context instanceof EmbeddingModelObservationContext)
                && !clientInstrumented.test(provider((ModelObservationContext<?, ?>) context));
    }

    @Override
    public void onStart(Observation.Context context) {
        try {
            if (!telemetry.isRecording()) {
                return;
            }
            String provider = SpringAiMapping.providerName(provider((ModelObservationContext<?, ?>) context));
            if (context instanceof ChatModelObservationContext chat) {
                InferenceRequest request = SpringAiMapping.chatRequest(provider, chat.getRequest(),
                        chat.isStreaming());
                String conversation = conversationId(context);
                if (conversation != null) {
                    request = request.toBuilder().conversationId(conversation).build();
                }
                Inference inference = telemetry.startInference(request);
                context.put(ScopedInvocation.class, new ScopedInvocation<>(inference));
            } else if (context instanceof EmbeddingModelObservationContext embedding) {
                Embeddings embeddings = telemetry.startEmbeddings(
                        SpringAiMapping.embeddingsRequest(provider, embedding.getRequest()));
                context.put(ScopedInvocation.class, new ScopedInvocation<>(embeddings));
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("model observation start", e);
        }
    }

    @Override
    public void onScopeOpened(Observation.Context context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped != null) {
            scoped.opened();
        }
    }

    @Override
    public void onScopeClosed(Observation.Context context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped != null) {
            scoped.closed();
        }
    }

    @Override
    public void onStop(Observation.Context context) {
        ScopedInvocation<?> scoped = context.get(ScopedInvocation.class);
        if (scoped == null) {
            return;
        }
        Invocation invocation = scoped.invocation;
        try {
            Throwable error = context.getError();
            if (error != null) {
                invocation.fail(error);
            } else if (invocation instanceof Inference inference
                    && context instanceof ChatModelObservationContext chat) {
                inference.end(SpringAiMapping.chatResponse(chat.getResponse()));
            } else if (invocation instanceof Embeddings embeddings
                    && context instanceof EmbeddingModelObservationContext embedding) {
                embeddings.end(SpringAiMapping.embeddingsResponse(embedding.getResponse()));
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("model observation stop", e);
            invocation.close();
        }
    }

    /** The chat memory's conversation id, when ChatClient's classes are there to find it. */
    private String conversationId(Observation.Context context) {
        return chatClientPresent ? ConversationScopeHandler.conversationId(context) : null;
    }

    private static String provider(ModelObservationContext<?, ?> context) {
        return context.getOperationMetadata() == null ? null : context.getOperationMetadata().provider();
    }
}
