package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.logs.Severity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GenAiEventsAndSpanTypesTest {

    @Test
    void v010EventNamesAreSpelledAsTheConventionsSpellThem() {
        assertThat(GenAiEvents.GEN_AI_CLIENT_INFERENCE_EXCEPTION).isEqualTo("gen_ai.client.inference.exception");
        assertThat(GenAiEvents.GEN_AI_EXECUTE_TOOL_EXCEPTION).isEqualTo("gen_ai.execute_tool.exception");
        assertThat(GenAiEvents.GEN_AI_CLIENT_OPERATION_EXCEPTION).isEqualTo("gen_ai.client.operation.exception");
        assertThat(GenAiEvents.GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS)
                .isEqualTo("gen_ai.client.inference.operation.details");
    }

    @Test
    void ourAgentStepSpanEventIsNamedInTheAgentNamespace() {
        assertThat(GenAiEvents.GEN_AI_AGENT_STEP).isEqualTo("gen_ai.agent.step");
    }

    @Test
    void everyExceptionEventDefinitionIsRecordedAtWarn() {
        assertThat(new EventDefinition[] {
                    GenAiEvents.CLIENT_OPERATION_EXCEPTION,
                    GenAiEvents.CLIENT_INFERENCE_EXCEPTION,
                    GenAiEvents.EXECUTE_TOOL_EXCEPTION})
                .allSatisfy(event -> {
                    assertThat(event.severity()).as(event.name()).isEqualTo(Severity.WARN);
                    assertThat(event.optIn()).as(event.name()).isFalse();
                });
    }

    @Test
    void eventDefinitionRejectsMissingComponentsNamingThem() {
        assertThatThrownBy(() -> new EventDefinition(null, Severity.WARN, false, "d"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new EventDefinition("e", null, false, "d"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> new EventDefinition("e", Severity.WARN, false, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("description");
    }

    @Test
    void spanTypeIdsAreSpelledAsTheConventionsSpellThem() {
        assertThat(spanTypes(false)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("GEN_AI_CLIENT_INFERENCE", "gen_ai.client.inference"),
                Map.entry("GEN_AI_CLIENT_EMBEDDINGS", "gen_ai.client.embeddings"),
                Map.entry("GEN_AI_INVOKE_AGENT_INTERNAL", "gen_ai.invoke_agent.internal"),
                Map.entry("GEN_AI_INVOKE_AGENT_CLIENT", "gen_ai.invoke_agent.client"),
                Map.entry("GEN_AI_CREATE_AGENT_CLIENT", "gen_ai.create_agent.client"),
                Map.entry("GEN_AI_FETCH_RESPONSE_CLIENT", "gen_ai.fetch_response.client"),
                Map.entry("GEN_AI_MEMORY_CLIENT", "gen_ai.memory.client"),
                Map.entry("GEN_AI_PLAN_INTERNAL", "gen_ai.plan.internal"),
                Map.entry("GEN_AI_RETRIEVAL", "gen_ai.retrieval"),
                Map.entry("GEN_AI_EXECUTE_TOOL", "gen_ai.execute_tool"),
                Map.entry("GEN_AI_RETRIEVAL_CLIENT", "gen_ai.retrieval.client"),
                Map.entry("GEN_AI_EXECUTE_TOOL_INTERNAL", "gen_ai.execute_tool.internal")));
    }

    @Test
    void exactlyTheSpanTypesV010RenamedOrMergedAreDeprecated() {
        assertThat(spanTypes(true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GEN_AI_INFERENCE_CLIENT", "gen_ai.inference.client",
                "GEN_AI_EMBEDDINGS_CLIENT", "gen_ai.embeddings.client",
                "GEN_AI_INVOKE_WORKFLOW_INTERNAL", "gen_ai.invoke_workflow.internal"));
    }

    /** The public static String constants of GenAiSpanTypes that are, or are not, deprecated. */
    private static Map<String, String> spanTypes(boolean deprecated) {
        Map<String, String> types = new TreeMap<>();
        for (Field field : GenAiSpanTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && field.isAnnotationPresent(Deprecated.class) == deprecated) {
                try {
                    types.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return types;
    }
}
