package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_CONTENT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_KIND;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_ROLE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;

import dev.genaiotel.core.AgentStep;
import dev.genaiotel.core.GenAiSettings;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * Writes the {@code gen_ai.agent.step} span events of agents (ours). The step's text is content: read only when
 * content is captured on spans, run through the redactors as a text part, cut to {@code maxPartChars} (which sets
 * {@code gen_ai.content.truncated} on the span). The per-span content budget covers the span's attributes, not its
 * step events; the SDK's span limits bound how many events a span keeps.
 */
final class AgentSteps {

    private final GenAiSettings settings;
    private final ContentPolicy contentPolicy;

    AgentSteps(GenAiSettings settings, ContentPolicy contentPolicy) {
        this.settings = settings;
        this.contentPolicy = contentPolicy;
    }

    void record(AgentOperation op, AgentStep step) {
        AttributesBuilder attributes = Attributes.builder();
        attributes.put(GEN_AI_AGENT_STEP_KIND, step.kind());
        MetricsRecorder.put(attributes, GEN_AI_AGENT_STEP_NAME, step.name());
        MetricsRecorder.put(attributes, GEN_AI_AGENT_STEP_ROLE, step.role());
        MetricsRecorder.put(attributes, GEN_AI_AGENT_NAME, op.request.agentName());
        if (step.text() != null && settings.captureOnSpan()) {
            String text = contentPolicy.stepText(op.operationName(), step.text());
            if (text != null) {
                String cut = RecordedContent.truncate(text, settings.maxPartChars());
                attributes.put(GEN_AI_AGENT_STEP_CONTENT, cut);
                if (cut != text) {
                    op.span.setAttribute(GEN_AI_CONTENT_TRUNCATED, true);
                }
            }
        }
        op.addStep(attributes);
    }
}
