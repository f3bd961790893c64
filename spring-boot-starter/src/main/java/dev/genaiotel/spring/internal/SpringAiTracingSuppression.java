package dev.genaiotel.spring.internal;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Keeps Micrometer Tracing from turning Spring AI's model and tool observations into spans of their own (its
 * {@code chat {model}}, {@code embedding {model}} and {@code execute_tool} spans, in older shapes), which would give
 * every call a second GenAI span beside genai-otel's. Spring Boot registers tracing handlers as one group in which
 * only the first handler that supports an observation sees it; this handler comes first, claims those observations
 * and does nothing with them. Other observations (HTTP, the ChatClient's) are traced as before, and every other kind
 * of handler (metrics, genai-otel's own) still sees Spring AI's observations.
 */
public final class SpringAiTracingSuppression implements TracingObservationHandler<Observation.Context> {

    /** Creates the handler. */
    public SpringAiTracingSuppression() {}

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ChatModelObservationContext || context instanceof EmbeddingModelObservationContext
                || context instanceof ToolCallingObservationContext;
    }

    /**
     * Leaves an empty tracing context, as a tracing handler that made no span would: other handlers that read it
     * (Micrometer's exemplar-aware meter handler) require one.
     */
    @Override
    public void onStart(Observation.Context context) {
        getTracingContext(context);
    }

    @Override
    public void onScopeOpened(Observation.Context context) {}

    @Override
    public void onScopeClosed(Observation.Context context) {}

    @Override
    public void onScopeReset(Observation.Context context) {}

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {}

    @Override
    public void onError(Observation.Context context) {}

    @Override
    public void onStop(Observation.Context context) {}

    @Override
    public Tracer getTracer() {
        return Tracer.NOOP;
    }
}
