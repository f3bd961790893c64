package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenAiAttributesTest {

    /** Where an attribute of the table comes from, which decides how it is checked against the YAML model. */
    private enum Origin {
        /** Defined or referenced in the model at commit fe5608e. */
        SEMCONV,
        /** Added by GenAI PR #440 (merged after fe5608e), so absent from the copied model. */
        POST_440,
        /** Ours, not in the conventions. */
        OURS,
        /** A name older conventions used, kept for the compatibility formats. */
        DEPRECATED,
        /** In the model at fe5608e, removed by GenAI conventions v0.1.0: kept for the 1.41.0 profile. */
        REMOVED_IN_0_1_0,
        /** Added by GenAI conventions v0.1.0 after fe5608e, so absent from the copied model. */
        ADDED_IN_0_1_0
    }

    private record Row(String name, AttributeType type, Origin origin) {}

    private static final AttributeType STRING = AttributeType.STRING;
    private static final AttributeType LONG = AttributeType.LONG;
    private static final AttributeType DOUBLE = AttributeType.DOUBLE;
    private static final AttributeType BOOLEAN = AttributeType.BOOLEAN;
    private static final AttributeType STRINGS = AttributeType.STRING_ARRAY;

    /**
     * Every attribute GenAiAttributes must define, written by hand from the GenAI conventions' spans, provider pages,
     * events, metrics and older names.
     * Attributes of semconv type {@code any} are strings here: they carry the compact JSON form on spans.
     */
    private static final List<Row> TABLE = List.of(
            // Section 2: operation, provider, conversation, output type, data source.
            semconv("gen_ai.operation.name", STRING),
            semconv("gen_ai.provider.name", STRING),
            semconv("gen_ai.conversation.id", STRING),
            semconv("gen_ai.conversation.compacted", BOOLEAN),
            semconv("gen_ai.output.type", STRING),
            semconv("gen_ai.data_source.id", STRING),
            // Section 2.1: prompt templates (gen_ai.prompt.variable.<key> is promptVariable()).
            semconv("gen_ai.prompt.name", STRING),
            semconv("gen_ai.prompt.version", STRING),
            // Section 2.1, 2.2, 2.4: request.
            semconv("gen_ai.request.model", STRING),
            semconv("gen_ai.request.max_tokens", LONG),
            semconv("gen_ai.request.choice.count", LONG),
            semconv("gen_ai.request.temperature", DOUBLE),
            semconv("gen_ai.request.top_p", DOUBLE),
            semconv("gen_ai.request.top_k", LONG),
            semconv("gen_ai.request.stop_sequences", STRINGS),
            semconv("gen_ai.request.frequency_penalty", DOUBLE),
            semconv("gen_ai.request.presence_penalty", DOUBLE),
            semconv("gen_ai.request.encoding_formats", STRINGS),
            semconv("gen_ai.request.seed", LONG),
            semconv("gen_ai.request.stream", BOOLEAN),
            semconv("gen_ai.request.reasoning.level", STRING),
            semconv("gen_ai.request.previous_response.id", STRING),
            semconv("gen_ai.request.stream_cursor", STRING),
            // Section 2.1, 2.4: response.
            semconv("gen_ai.response.id", STRING),
            semconv("gen_ai.response.model", STRING),
            semconv("gen_ai.response.finish_reasons", STRINGS),
            semconv("gen_ai.response.status", STRING),
            semconv("gen_ai.response.time_to_first_chunk", DOUBLE),
            // Section 2.1, 10: usage.
            semconv("gen_ai.usage.input_tokens", LONG),
            semconv("gen_ai.usage.output_tokens", LONG),
            semconv("gen_ai.usage.cache_read.input_tokens", LONG),
            semconv("gen_ai.usage.reasoning.output_tokens", LONG),
            post440("gen_ai.usage.cache_write.input_tokens", LONG),
            post440("gen_ai.usage.text.input_tokens", LONG),
            post440("gen_ai.usage.text.output_tokens", LONG),
            post440("gen_ai.usage.text.cache_read.input_tokens", LONG),
            post440("gen_ai.usage.image.input_tokens", LONG),
            post440("gen_ai.usage.image.output_tokens", LONG),
            post440("gen_ai.usage.image.cache_read.input_tokens", LONG),
            post440("gen_ai.usage.audio.input_tokens", LONG),
            post440("gen_ai.usage.audio.output_tokens", LONG),
            post440("gen_ai.usage.audio.cache_read.input_tokens", LONG),
            // Section 6: metric attributes; v0.1.0 replaces the token type with the token modality.
            removedIn010("gen_ai.token.type", STRING),
            addedIn010("gen_ai.token.modality", STRING),
            // Section 2.1, 7: content (any).
            semconv("gen_ai.input.messages", STRING),
            semconv("gen_ai.output.messages", STRING),
            semconv("gen_ai.system_instructions", STRING),
            semconv("gen_ai.tool.definitions", STRING),
            // Section 2.7 to 2.11: agents and workflows.
            semconv("gen_ai.agent.id", STRING),
            semconv("gen_ai.agent.name", STRING),
            semconv("gen_ai.agent.description", STRING),
            semconv("gen_ai.agent.version", STRING),
            removedIn010("gen_ai.workflow.name", STRING),
            // Section 2.6: tools.
            semconv("gen_ai.tool.name", STRING),
            semconv("gen_ai.tool.call.id", STRING),
            semconv("gen_ai.tool.description", STRING),
            semconv("gen_ai.tool.type", STRING),
            semconv("gen_ai.tool.call.arguments", STRING),
            semconv("gen_ai.tool.call.result", STRING),
            // Section 2.2, 2.3: embeddings and retrieval.
            semconv("gen_ai.embeddings.dimension.count", LONG),
            semconv("gen_ai.retrieval.query.text", STRING),
            semconv("gen_ai.retrieval.top_k", LONG),
            semconv("gen_ai.retrieval.documents", STRING),
            // Section 2.5: memory.
            semconv("gen_ai.memory.store.id", STRING),
            semconv("gen_ai.memory.record.id", STRING),
            semconv("gen_ai.memory.record.count", LONG),
            semconv("gen_ai.memory.query.text", STRING),
            semconv("gen_ai.memory.records", STRING),
            // Section 5.2: evaluation.
            semconv("gen_ai.evaluation.name", STRING),
            semconv("gen_ai.evaluation.score.value", DOUBLE),
            semconv("gen_ai.evaluation.score.label", STRING),
            semconv("gen_ai.evaluation.explanation", STRING),
            // Section 4: provider-specific.
            semconv("openai.api.type", STRING),
            semconv("openai.request.service_tier", STRING),
            semconv("openai.response.service_tier", STRING),
            semconv("openai.response.system_fingerprint", STRING),
            semconv("aws.bedrock.guardrail.id", STRING),
            semconv("aws.bedrock.knowledge_base.id", STRING),
            semconv("azure.resource_provider.namespace", STRING),
            // Sections 2 and 5.3: stable core attributes.
            semconv("server.address", STRING),
            semconv("server.port", LONG),
            semconv("error.type", STRING),
            semconv("exception.type", STRING),
            semconv("exception.message", STRING),
            semconv("exception.stacktrace", STRING),
            // Ours.
            ours("gen_ai.input.messages_ref", STRING),
            ours("gen_ai.output.messages_ref", STRING),
            ours("gen_ai.system_instructions_ref", STRING),
            ours("gen_ai.tool.definitions_ref", STRING),
            ours("gen_ai.usage.cost", DOUBLE),
            ours("gen_ai.usage.currency", STRING),
            ours("gen_ai.operation.purpose", STRING),
            ours("gen_ai.content.truncated", BOOLEAN),
            ours("gen_ai.agent.step.kind", STRING),
            ours("gen_ai.agent.step.index", LONG),
            ours("gen_ai.agent.step.name", STRING),
            ours("gen_ai.agent.step.role", STRING),
            ours("gen_ai.agent.step.content", STRING),
            ours("gen_ai.cache.hit", BOOLEAN),
            ours("gen_ai.cache.source", STRING),
            ours("gen_ai.response.output_tokens_per_second", DOUBLE),
            ours("gen_ai.usage.audio.input_seconds", DOUBLE),
            ours("gen_ai.usage.audio.output_seconds", DOUBLE),
            ours("gen_ai.usage.image.input_count", LONG),
            ours("gen_ai.usage.image.output_count", LONG),
            // Section 8: deprecated.
            deprecated("gen_ai.system", STRING),
            deprecated("gen_ai.usage.prompt_tokens", LONG),
            deprecated("gen_ai.usage.completion_tokens", LONG),
            deprecated("gen_ai.prompt", STRING),
            deprecated("gen_ai.completion", STRING),
            deprecated("gen_ai.openai.request.seed", LONG),
            deprecated("gen_ai.openai.request.response_format", STRING),
            deprecated("gen_ai.openai.request.service_tier", STRING),
            deprecated("gen_ai.openai.response.service_tier", STRING),
            deprecated("gen_ai.openai.response.system_fingerprint", STRING),
            deprecated("gen_ai.usage.cache_creation.input_tokens", LONG));

    /** The model files, copied unchanged from semantic-conventions-genai {@code model/} at fe5608e. */
    private static final List<String> MODEL_FILES = List.of(
            "gen-ai-registry.yaml",
            "openai-registry.yaml",
            "aws-bedrock-registry.yaml",
            "gen-ai-spans.yaml",
            "gen-ai-events.yaml",
            "gen-ai-metrics.yaml");

    /** The model files that define attributes, as opposed to referencing them. */
    private static final List<String> REGISTRY_FILES =
            List.of("gen-ai-registry.yaml", "openai-registry.yaml", "aws-bedrock-registry.yaml");

    /** Namespaces the GenAI model defines; any other name (server.*, error.*, ...) is a core attribute it refers to. */
    private static final List<String> GENAI_NAMESPACES = List.of("gen_ai.", "openai.", "aws.bedrock.");

    @Test
    void everyAttributeNameMatchesTheSemconvTable() {
        Map<String, AttributeType> expected = new TreeMap<>();
        TABLE.forEach(row -> expected.put(row.name(), row.type()));

        Map<String, AttributeType> actual = new TreeMap<>();
        constants().values().forEach(key -> actual.put(key.getKey(), key.getType()));

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(constants()).hasSize(TABLE.size());
    }

    @Test
    void everyAttributeNameIsUnique() {
        List<String> names = constants().values().stream().map(AttributeKey::getKey).collect(Collectors.toList());

        assertThat(names).doesNotHaveDuplicates();
        assertThat(TABLE.stream().map(Row::name).collect(Collectors.toList())).doesNotHaveDuplicates();
    }

    @Test
    void everyConstantIsNamedAfterItsAttributeInUpperSnakeCase() {
        constants().forEach((field, key) -> assertThat(field)
                .as(key.getKey())
                .isEqualTo(key.getKey().replace('.', '_').toUpperCase(Locale.ROOT)));
    }

    @Test
    void exactlyTheSectionEightNamesAreDeprecated() throws NoSuchFieldException {
        Set<String> deprecated = new TreeSet<>();
        for (Map.Entry<String, AttributeKey<?>> constant : constants().entrySet()) {
            if (GenAiAttributes.class.getField(constant.getKey()).isAnnotationPresent(Deprecated.class)) {
                deprecated.add(constant.getValue().getKey());
            }
        }

        assertThat(deprecated).isEqualTo(namesOf(Origin.DEPRECATED));
    }

    @Test
    void noNameOfOursIsDefinedOrReferencedByTheOfficialModel() throws IOException {
        Model model = Model.load();

        assertThat(namesOf(Origin.OURS)).isNotEmpty().allSatisfy(name -> {
            assertThat(model.definedTypes).as("defined by the model registry").doesNotContainKey(name);
            assertThat(model.referenced).as("referenced by the model").doesNotContain(name);
        });
    }

    @Test
    void theNamesV010RemovedAreStillDefinedByTheModelTheOneFourOneProfileFollows() throws IOException {
        Model model = Model.load();

        assertThat(model.definedTypes.keySet()).containsAll(namesOf(Origin.REMOVED_IN_0_1_0));
    }

    @Test
    void tokenModalityListsTheFourWellKnownValuesOfV010() {
        assertThat(stringConstants(TokenModality.class)).containsExactlyInAnyOrder("text", "image", "audio", "unknown");
        assertThat(GenAiAttributes.GEN_AI_TOKEN_MODALITY).isEqualTo(AttributeKey.stringKey("gen_ai.token.modality"));
    }

    @Test
    void everyCurrentSemconvNameAppearsInTheOfficialModel() throws IOException {
        Model model = Model.load();

        for (String name : namesOf(Origin.SEMCONV)) {
            if (isGenAiNamespace(name)) {
                assertThat(model.definedTypes).as("defined by the model registry").containsKey(name);
            } else {
                assertThat(model.referenced).as("referenced by the model").contains(name);
            }
        }
    }

    @Test
    void everyAttributeDefinedByTheModelHasTheModelsType() throws IOException {
        Model model = Model.load();
        Map<String, AttributeKey<?>> byName = new HashMap<>();
        constants().values().forEach(key -> byName.put(key.getKey(), key));

        model.definedTypes.forEach((name, yamlType) -> {
            if (!yamlType.startsWith("template[")) {
                assertThat(byName).as("a constant for %s", name).containsKey(name);
                assertThat(byName.get(name).getType()).as(name).isEqualTo(javaTypeOf(yamlType));
            }
        });
    }

    @Test
    void theOnlyTemplateAttributeOfTheModelIsThePromptVariable() throws IOException {
        Model model = Model.load();

        Set<String> templates = model.definedTypes.entrySet().stream()
                .filter(entry -> entry.getValue().startsWith("template["))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        assertThat(templates).containsExactly("gen_ai.prompt.variable");
        assertThat(model.definedTypes.get("gen_ai.prompt.variable")).isEqualTo("template[string]");
        assertThat(GenAiAttributes.GEN_AI_PROMPT_VARIABLE_PREFIX).isEqualTo("gen_ai.prompt.variable.");
    }

    @Test
    void wellKnownValueClassesListExactlyTheModelsMembers() throws IOException {
        Model model = Model.load();

        assertThat(stringConstants(OperationName.class)).isEqualTo(model.members.get("gen_ai.operation.name"));
        assertThat(stringConstants(OutputType.class)).isEqualTo(model.members.get("gen_ai.output.type"));
        assertThat(stringConstants(TokenType.class)).isEqualTo(model.members.get("gen_ai.token.type"));
        assertThat(stringConstants(ResponseStatus.class)).isEqualTo(model.members.get("gen_ai.response.status"));
        assertThat(stringConstants(OpenAiApiType.class)).isEqualTo(model.members.get("openai.api.type"));

        Set<String> providers = stringConstants(ProviderName.class);
        assertThat(providers).contains(ProviderName.OLLAMA);
        providers.remove(ProviderName.OLLAMA);
        assertThat(providers).isEqualTo(model.members.get("gen_ai.provider.name"));
    }

    @Test
    void promptVariableAppendsTheVariableNameToTheTemplatePrefix() {
        AttributeKey<String> key = GenAiAttributes.promptVariable("user_name");

        assertThat(key.getKey()).isEqualTo("gen_ai.prompt.variable.user_name");
        assertThat(key.getType()).isEqualTo(AttributeType.STRING);
        assertThat(key).isEqualTo(AttributeKey.stringKey("gen_ai.prompt.variable.user_name"));
    }

    @Test
    void promptVariableRejectsANullKeyNamingTheParameter() {
        assertThatThrownBy(() -> GenAiAttributes.promptVariable(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }

    @Test
    void promptVariableRejectsABlankKeyNamingTheParameter() {
        assertThatThrownBy(() -> GenAiAttributes.promptVariable(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> GenAiAttributes.promptVariable("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }

    private static Row semconv(String name, AttributeType type) {
        return new Row(name, type, Origin.SEMCONV);
    }

    private static Row post440(String name, AttributeType type) {
        return new Row(name, type, Origin.POST_440);
    }

    private static Row removedIn010(String name, AttributeType type) {
        return new Row(name, type, Origin.REMOVED_IN_0_1_0);
    }

    private static Row addedIn010(String name, AttributeType type) {
        return new Row(name, type, Origin.ADDED_IN_0_1_0);
    }

    private static Row ours(String name, AttributeType type) {
        return new Row(name, type, Origin.OURS);
    }

    private static Row deprecated(String name, AttributeType type) {
        return new Row(name, type, Origin.DEPRECATED);
    }

    private static Set<String> namesOf(Origin origin) {
        return TABLE.stream().filter(row -> row.origin() == origin).map(Row::name).collect(Collectors.toSet());
    }

    private static boolean isGenAiNamespace(String name) {
        return GENAI_NAMESPACES.stream().anyMatch(name::startsWith);
    }

    private static AttributeType javaTypeOf(String yamlType) {
        return switch (yamlType) {
            case "string", "enum", "any" -> AttributeType.STRING;
            case "int" -> AttributeType.LONG;
            case "double" -> AttributeType.DOUBLE;
            case "boolean" -> AttributeType.BOOLEAN;
            case "string[]" -> AttributeType.STRING_ARRAY;
            default -> throw new AssertionError("unexpected type in the model: " + yamlType);
        };
    }

    /** Every static AttributeKey field of GenAiAttributes, by field name. */
    private static Map<String, AttributeKey<?>> constants() {
        Map<String, AttributeKey<?>> constants = new TreeMap<>();
        for (Field field : GenAiAttributes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && AttributeKey.class.isAssignableFrom(field.getType())) {
                assertThat(Modifier.isPublic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                        .as("%s is public final", field.getName())
                        .isTrue();
                try {
                    constants.put(field.getName(), (AttributeKey<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }

    /** The values of the public static String constants of a well-known-values class. */
    private static Set<String> stringConstants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }

    /**
     * What the tests need from the YAML model, read line by line: the weaver files list each attribute as
     * {@code - key: <name>} followed by its {@code type:} (a scalar, or an enum whose {@code members} carry
     * {@code value:} lines), and refer to attributes as {@code - ref: <name>}.
     */
    private static final class Model {

        private static final Pattern KEY = Pattern.compile("^\\s*- key: (\\S+)\\s*$");
        private static final Pattern TYPE = Pattern.compile("^\\s*type:\\s*(\\S*)\\s*$");
        private static final Pattern VALUE = Pattern.compile("^\\s*value:\\s*\"?([^\"\\s]+)\"?\\s*$");
        private static final Pattern REF = Pattern.compile("^\\s*- ref: (\\S+)\\s*$");

        /** Defined attribute name to its YAML type; {@code enum} for a members list. */
        final Map<String, String> definedTypes = new LinkedHashMap<>();
        /** Defined enum attribute name to its member values. */
        final Map<String, Set<String>> members = new HashMap<>();
        /** Every attribute name referenced with {@code - ref:}. */
        final Set<String> referenced = new LinkedHashSet<>();

        static Model load() throws IOException {
            Model model = new Model();
            for (String file : MODEL_FILES) {
                List<String> lines = read(file);
                if (REGISTRY_FILES.contains(file)) {
                    model.readDefinitions(lines);
                }
                for (String line : lines) {
                    Matcher ref = REF.matcher(line);
                    if (ref.matches()) {
                        model.referenced.add(ref.group(1));
                    }
                }
            }
            assertThat(model.definedTypes).as("attributes read from the model").hasSizeGreaterThan(60);
            return model;
        }

        private void readDefinitions(List<String> lines) {
            String current = null;
            for (String line : lines) {
                Matcher key = KEY.matcher(line);
                if (key.matches()) {
                    current = key.group(1);
                    continue;
                }
                if (current == null) {
                    continue;
                }
                Matcher type = TYPE.matcher(line);
                if (type.matches() && !definedTypes.containsKey(current)) {
                    definedTypes.put(current, type.group(1).isEmpty() ? "enum" : type.group(1));
                    continue;
                }
                Matcher value = VALUE.matcher(line);
                if (value.matches()) {
                    members.computeIfAbsent(current, name -> new TreeSet<>()).add(value.group(1));
                }
            }
        }

        private static List<String> read(String file) throws IOException {
            String resource = "/semconv-model/" + file;
            try (InputStream in = GenAiAttributesTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                List<String> lines = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                }
                return lines;
            }
        }
    }
}
