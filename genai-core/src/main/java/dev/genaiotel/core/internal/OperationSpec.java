package dev.genaiotel.core.internal;

import dev.genaiotel.core.GenAiRequest;
import dev.genaiotel.core.GenAiSettings;
import io.opentelemetry.api.trace.SpanKind;

/**
 * Everything that differs between the kinds of operation, described once per kind: the request and outcome types,
 * the operation and span names, the span kind, the attributes, the content and the metrics. The recorders ask the
 * spec; none of them tells the kinds apart itself, so adding a kind or renaming one of its signals is a change here.
 *
 * @param <Q> the request description
 * @param <R> what the operation ends with
 */
sealed interface OperationSpec<Q extends GenAiRequest, R>
        permits InferenceSpec, EmbeddingsSpec, ToolSpec, AgentSpec, AgentCreationSpec, WorkflowSpec, RetrievalSpec {

    /** {@code gen_ai.operation.name}. */
    String operationName(Q request);

    /** What the span name adds to the operation name (a model, a tool, an agent); null or empty for nothing. */
    String spanTarget(Q request);

    /** The span name: {@code {gen_ai.operation.name} {target}}, or the operation name alone. */
    default String spanName(Q request) {
        String operation = operationName(request);
        String target = spanTarget(request);
        return target == null || target.isEmpty() ? operation : operation + ' ' + target;
    }

    SpanKind spanKind(Q request);

    /** The request-side attributes, known at start (given to the span builder, so samplers see them). */
    void requestAttributes(Q request, AttributeSink sink);

    /** The outcome-side attributes, known at the end; {@code error.type} is written by the caller. */
    default void responseAttributes(Operation<Q, R> op, R response, AttributeSink sink) {}

    /** The request with its content redacted by {@code policy}; the request itself when nothing changed. */
    default Q redactRequest(ContentPolicy policy, String operation, Q request) {
        return request;
    }

    /** The outcome with its content redacted by {@code policy}; the outcome itself when nothing changed. */
    default R redactResponse(ContentPolicy policy, String operation, Q request, R response) {
        return response;
    }

    /** The opt-in content of a (redacted) request and outcome, within the budgets of {@code settings}. */
    RecordedContent content(Q request, R response, GenAiSettings settings);

    /** Records the operation's metric points once it ended. */
    void recordMetrics(MetricsRecorder metrics, Operation<Q, R> op, Q request, double seconds);

    /** The {@code gen_ai.request.model} the span records, or null for kinds whose span records none. */
    default String requestModel(Q request) {
        return null;
    }

    /** The {@code gen_ai.provider.name} the span records, or null for kinds whose span records none. */
    default String providerName(Q request) {
        return null;
    }

    /** The conversation (messages, tools, finish reasons) for the compatibility formats, or null for none. */
    default Conversation conversation(Q request, R response) {
        return null;
    }

    /** What the cost of the operation is computed from, or null when it has no cost. */
    default CostBasis costBasis(Q request, R response) {
        return null;
    }

    /**
     * True for inferences: they nest (a framework over an instrumented client is one span), stream, emit the details
     * event and reach the completion hooks.
     */
    default boolean inference() {
        return false;
    }

    /** True for in-process agent invocations, under which inference and tool calls are counted. */
    default boolean countsCalls(Q request) {
        return false;
    }
}
