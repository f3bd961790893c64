package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class ConversationContextTest {

    private final TelemetryFixture fixture = TelemetryFixture.emitting(SemconvVersion.V0_1_0);
    private final GenAiTelemetry telemetry = fixture.telemetry();

    @Test
    @SuppressWarnings("try")
    void inferenceStartedInAConversationContextRecordsItsId() {
        try (Scope ignored = ConversationContext.with(Context.current(), "thread-42").makeCurrent()) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end();
        }

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CONVERSATION_ID)).isEqualTo("thread-42");
    }

    @Test
    @SuppressWarnings("try")
    void theRequestsOwnConversationIdWins() {
        try (Scope ignored = ConversationContext.with(Context.current(), "thread-42").makeCurrent()) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").conversationId("conv_abc").build())
                    .end();
        }

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CONVERSATION_ID)).isEqualTo("conv_abc");
    }

    @Test
    void withoutAConversationContextNoIdIsRecorded() {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CONVERSATION_ID)).isNull();
        assertThat(ConversationContext.conversationId(Context.current())).isNull();
    }
}
