package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_CONTENT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_INDEX;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_KIND;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_ROLE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.semconv.message.MessagePart;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentStepsTest {

    private final TelemetryFixture fixture = new TelemetryFixture();

    private static void reactLoop(AgentInvocation agent) {
        agent.recordStep(AgentStep.thought("I need the weather in Paris."));
        agent.recordStep(AgentStep.action("get_weather", "{\"city\":\"Paris\"}"));
        agent.recordStep(AgentStep.observation("get_weather", "18C, light rain in Paris"));
    }

    private List<EventData> steps() {
        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_agent travel-planner");
        return span.getEvents();
    }

    @Test
    void eachStepIsAnEventOnTheAgentSpanNumberedInTheOrderRecorded() {
        AgentInvocation agent = fixture.telemetry().startAgentInvocation(AgentRequest.local("travel-planner"));
        reactLoop(agent);
        agent.end(InferenceResponse.empty());

        assertThat(steps()).extracting(EventData::getName).containsOnly("gen_ai.agent.step");
        assertThat(steps()).extracting(EventData::getAttributes).containsExactly(
                Attributes.builder().put(GEN_AI_AGENT_STEP_KIND, "thought").put(GEN_AI_AGENT_STEP_INDEX, 0L)
                        .put(GEN_AI_AGENT_NAME, "travel-planner").build(),
                Attributes.builder().put(GEN_AI_AGENT_STEP_KIND, "action").put(GEN_AI_AGENT_STEP_INDEX, 1L)
                        .put(GEN_AI_AGENT_STEP_NAME, "get_weather").put(GEN_AI_AGENT_NAME, "travel-planner").build(),
                Attributes.builder().put(GEN_AI_AGENT_STEP_KIND, "observation").put(GEN_AI_AGENT_STEP_INDEX, 2L)
                        .put(GEN_AI_AGENT_STEP_NAME, "get_weather").put(GEN_AI_AGENT_NAME, "travel-planner")
                        .build());
    }

    @Test
    void aStepsRoleAndACustomKindAreRecorded() {
        AgentInvocation agent = fixture.telemetry().startAgentInvocation(AgentRequest.local("travel-planner"));
        agent.recordStep(AgentStep.thought("Split the trip into legs.").withRole("planner"));
        agent.recordStep(new AgentStep("reflection", null, "critic", "The second leg is too long."));
        agent.end(InferenceResponse.empty());

        assertThat(steps()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_KIND),
                event -> event.getAttributes().get(GEN_AI_AGENT_STEP_ROLE))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("thought", "planner"),
                        org.assertj.core.groups.Tuple.tuple("reflection", "critic"));
    }

    @Test
    void stepTextIsNotRecordedUnlessContentIsCapturedOnSpans() {
        for (ContentCapture capture : List.of(ContentCapture.NO_CONTENT, ContentCapture.EVENT_ONLY)) {
            fixture.spans.reset();
            AgentInvocation agent = fixture.telemetry(builder -> builder.setContentCapture(capture))
                    .startAgentInvocation(AgentRequest.local("travel-planner"));
            reactLoop(agent);
            agent.end(InferenceResponse.empty());

            assertThat(steps()).as(capture.name()).hasSize(3)
                    .allSatisfy(event -> assertThat(event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT)).isNull());
        }
    }

    @Test
    void stepTextIsRecordedWhenContentIsCapturedOnSpans() {
        for (ContentCapture capture : List.of(ContentCapture.SPAN_ONLY, ContentCapture.SPAN_AND_EVENT)) {
            fixture.spans.reset();
            AgentInvocation agent = fixture.telemetry(builder -> builder.setContentCapture(capture))
                    .startAgentInvocation(AgentRequest.local("travel-planner"));
            reactLoop(agent);
            agent.end(InferenceResponse.empty());

            assertThat(steps()).as(capture.name())
                    .extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT))
                    .containsExactly("I need the weather in Paris.", "{\"city\":\"Paris\"}",
                            "18C, light rain in Paris");
        }
    }

    @Test
    void stepTextGoesThroughTheRedactorsAsATextPartOfTheStepContentAttribute() {
        List<ContentContext> seen = Collections.synchronizedList(new ArrayList<>());
        AgentInvocation agent = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY)
                .addContentRedactor((part, context) -> {
                    seen.add(context);
                    return part instanceof MessagePart.Text text
                            ? new MessagePart.Text(text.content().replace("Paris", "[city]")) : part;
                })
                .addContentRedactor((part, context) -> part instanceof MessagePart.Text text
                        && text.content().startsWith("18C") ? null : part))
                .startAgentInvocation(AgentRequest.local("travel-planner"));
        reactLoop(agent);
        agent.end(InferenceResponse.empty());

        assertThat(steps()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT))
                .containsExactly("I need the weather in [city].", "{\"city\":\"[city]\"}", null);
        assertThat(steps()).hasSize(3);
        assertThat(seen).hasSize(3).allSatisfy(context -> {
            assertThat(context.operationName()).isEqualTo("invoke_agent");
            assertThat(context.attribute()).isEqualTo("gen_ai.agent.step.content");
            assertThat(context.role()).isNull();
        });
    }

    @Test
    void stepTextIsCutToThePerPartBudgetWhichMarksTheSpanTruncated() {
        AgentInvocation agent = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxPartChars(12)).startAgentInvocation(AgentRequest.local("travel-planner"));
        agent.recordStep(AgentStep.thought("short"));
        agent.end(InferenceResponse.empty());
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isNull();

        fixture.spans.reset();
        agent = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxPartChars(12)).startAgentInvocation(AgentRequest.local("travel-planner"));
        agent.recordStep(AgentStep.thought("I need the weather in Paris."));
        agent.end(InferenceResponse.empty());

        assertThat(steps().get(0).getAttributes().get(GEN_AI_AGENT_STEP_CONTENT))
                .isEqualTo("I need the w\u2026[truncated 16 chars]");
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void stepsAfterTheAgentEndedAreIgnored() {
        AgentInvocation agent = fixture.telemetry().startAgentInvocation(AgentRequest.local("travel-planner"));
        agent.recordStep(AgentStep.thought("before"));
        agent.end(InferenceResponse.empty());
        agent.recordStep(AgentStep.thought("after"));
        agent.recordStep(null);

        assertThat(steps()).hasSize(1);
    }

    @Test
    void stepsOnAPassThroughAgentDoNothing() {
        AgentInvocation agent = fixture.telemetry(builder -> builder.setEnabled(false))
                .startAgentInvocation(AgentRequest.local("travel-planner"));
        reactLoop(agent);
        agent.end(InferenceResponse.empty());

        assertThat(fixture.spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void stepsRecordedFromSeveralThreadsAreNumberedInTheOrderOfTheirEvents() throws InterruptedException {
        AgentInvocation agent = fixture.telemetry().startAgentInvocation(AgentRequest.local("travel-planner"));
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            String name = "tool-" + t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    agent.recordStep(AgentStep.observation(name, null));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        agent.end(InferenceResponse.empty());

        List<Long> indexes = new ArrayList<>();
        steps().forEach(event -> indexes.add(event.getAttributes().get(GEN_AI_AGENT_STEP_INDEX)));
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < threads * perThread; i++) {
            expected.add(i);
        }
        assertThat(indexes).isEqualTo(expected);
    }

    @Test
    void aStepNeedsAKind() {
        assertThatThrownBy(() -> new AgentStep(null, null, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> new AgentStep(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
    }
}
