package dev.genaiotel.semconv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A version of the GenAI semantic conventions this project can emit: which metrics, events and schema URL belong to
 * it. The setting that chooses one (or both at once) belongs to the core; this type only describes each version.
 */
public enum SemconvVersion {

    /**
     * {@code 0.1.0}: the first standalone release of the GenAI conventions (repository semantic-conventions-genai;
     * changes listed against core semantic conventions 1.41.0, depends on core 1.45.0).
     *
     * <p>Its schema URL could not be confirmed: the repository's front page read "Schema URL: TODO", the only URL its
     * manifest was seen to declare is the pre-release {@code gen-ai-dev/1.42.0-dev}, and no v0.1.0 manifest was
     * readable. {@link #schemaUrl()} is therefore empty for this version: record no schema URL rather than a guessed
     * one. The module README lists what else about this version is confirmed and what is not.
     */
    V0_1_0("0.1.0", null),

    /**
     * {@code 1.41.0}: exactly what this project emitted before v0.1.0 support (the GenAI conventions of core semantic
     * conventions 1.41.0 plus the pre-release additions this project recorded), for backends that have not moved.
     */
    V1_41_0("1.41.0", GenAiSchema.SCHEMA_URL_1_41_0);

    private final String id;
    private final String schemaUrl;

    SemconvVersion(String id, String schemaUrl) {
        this.id = id;
        this.schemaUrl = schemaUrl;
    }

    /**
     * The version as users write it in the configuration, e.g. {@code 0.1.0}.
     *
     * @return the version id
     */
    public String id() {
        return id;
    }

    /**
     * The schema URL to set on tracers, meters and loggers for this version.
     *
     * @return the schema URL, or empty when none is confirmed ({@link #V0_1_0})
     */
    public Optional<String> schemaUrl() {
        return Optional.ofNullable(schemaUrl);
    }

    /**
     * Every metric this version defines, semconv ones first, then this project's own, which every version has.
     *
     * @return an unmodifiable list; the definitions of metrics both versions share are the same objects
     */
    public List<MetricDefinition> metrics() {
        return this == V0_1_0 ? Metrics.V0_1_0 : GenAiMetrics.all();
    }

    /**
     * Every event this version defines, with the severity and opt-in status it is recorded with.
     *
     * @return an unmodifiable list
     */
    public List<EventDefinition> events() {
        return this == V0_1_0 ? Events.V0_1_0 : Events.V1_41_0;
    }

    /**
     * The event that records the failure of an operation in this version. In {@link #V1_41_0} that is always
     * {@code gen_ai.client.operation.exception}. In {@link #V0_1_0} it is {@code gen_ai.client.inference.exception}
     * for the inference operations {@code chat}, {@code text_completion} and {@code generate_content},
     * {@code gen_ai.execute_tool.exception} for {@code execute_tool} (main-only, unconfirmed for v0.1.0), and
     * {@code gen_ai.client.operation.exception} for every other operation (what the pre-release copies say for
     * embeddings; unconfirmed for the rest). A caller that maps a custom operation name to inference passes
     * {@link OperationName#CHAT}.
     *
     * @param operationName the operation's {@code gen_ai.operation.name}; null is treated as a custom operation
     * @return the event definition to record the failure with
     */
    public EventDefinition exceptionEvent(String operationName) {
        if (this == V1_41_0 || operationName == null) {
            return GenAiEvents.CLIENT_OPERATION_EXCEPTION;
        }
        return switch (operationName) {
            case OperationName.CHAT, OperationName.TEXT_COMPLETION, OperationName.GENERATE_CONTENT ->
                    GenAiEvents.CLIENT_INFERENCE_EXCEPTION;
            case OperationName.EXECUTE_TOOL -> GenAiEvents.EXECUTE_TOOL_EXCEPTION;
            default -> GenAiEvents.CLIENT_OPERATION_EXCEPTION;
        };
    }

    /**
     * The version with the given id, e.g. {@code 0.1.0}; surrounding blanks are ignored.
     *
     * @param id a version id; may be null
     * @return the version, or empty for null or an unknown id
     */
    public static Optional<SemconvVersion> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        for (SemconvVersion version : values()) {
            if (version.id.equals(trimmed)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The metric lists, built once when first asked for. */
    private static final class Metrics {

        /** The 1.41.0 metrics that v0.1.0 removed or renamed. */
        private static final List<MetricDefinition> REMOVED_IN_0_1_0 = List.of(
                GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE,
                GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
                GenAiMetrics.GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK,
                GenAiMetrics.GEN_AI_WORKFLOW_DURATION);

        /** The new client metrics, then every 1.41.0 metric v0.1.0 kept, in GenAiMetrics order. */
        static final List<MetricDefinition> V0_1_0 = v010();

        private static List<MetricDefinition> v010() {
            List<MetricDefinition> metrics = new ArrayList<>(GenAiClientMetrics.all());
            for (MetricDefinition metric : GenAiMetrics.all()) {
                if (!REMOVED_IN_0_1_0.contains(metric)) {
                    metrics.add(metric);
                }
            }
            return List.copyOf(metrics);
        }
    }

    /** The event lists. */
    private static final class Events {

        static final List<EventDefinition> V1_41_0 = List.of(
                GenAiEvents.INFERENCE_OPERATION_DETAILS_1_41_0,
                GenAiEvents.CLIENT_OPERATION_EXCEPTION,
                GenAiEvents.EVALUATION_RESULT);

        static final List<EventDefinition> V0_1_0 = List.of(
                GenAiEvents.INFERENCE_OPERATION_DETAILS_0_1_0,
                GenAiEvents.CLIENT_INFERENCE_EXCEPTION,
                GenAiEvents.EXECUTE_TOOL_EXCEPTION,
                GenAiEvents.CLIENT_OPERATION_EXCEPTION,
                GenAiEvents.EVALUATION_RESULT);
    }
}
