package dev.genaiotel.core;

import dev.genaiotel.core.internal.Engine;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point: turns GenAI operations into spans, metrics and events that follow the OpenTelemetry GenAI
 * semantic conventions. Providers describe what happened; this decides what is recorded.
 *
 * <p>Immutable and thread-safe, apart from the runtime umbrella switch {@link #setEnabled(boolean)}. Uses a tracer,
 * meter and logger of instrumentation scope {@code dev.genaiotel} with the GenAI semconv schema URL. {@link #close()}
 * flushes and closes the {@link CompletionHook}s (such as the upload hook's worker thread).
 *
 * <pre>{@code
 * GenAiTelemetry telemetry = GenAiTelemetry.create(openTelemetry);
 * Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
 * try (Scope scope = inference.makeCurrent()) {
 *     Response response = client.call(...);
 *     inference.end(InferenceResponse.builder().responseId(response.id()).usage(TokenUsage.from(usageMap)).build());
 * } catch (RuntimeException e) {
 *     inference.fail(e);
 *     throw e;
 * }
 * }</pre>
 */
public final class GenAiTelemetry implements AutoCloseable {

    private final Engine engine;
    private final OpenTelemetry openTelemetry;

    GenAiTelemetry(Engine engine, OpenTelemetry openTelemetry) {
        this.engine = engine;
        this.openTelemetry = openTelemetry;
    }

    /** Telemetry with the settings of this process (system properties, environment) and ServiceLoader listeners. */
    public static GenAiTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder for custom settings and listeners. */
    public static GenAiTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new GenAiTelemetryBuilder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** The versions of the GenAI semantic conventions emitted; see {@link GenAiTelemetryBuilder#setSemconvVersion}. */
    public Set<SemconvVersion> semconvVersions() {
        return engine.semconvVersions();
    }

    /**
     * The OpenTelemetry instance this telemetry records to: for instrumentations whose spans are not GenAI operations
     * of their own (the MCP client and server spans), so that they share its providers and propagators.
     */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The settings in effect. */
    public GenAiSettings settings() {
        return engine.settings();
    }

    /**
     * The umbrella switch at runtime ({@code OTEL_INSTRUMENTATION_GENAI_ENABLED} at startup): when off, every
     * factory returns a pass-through invocation and wrappers built on this telemetry record nothing, without being
     * unwrapped. Operations already started finish normally.
     */
    public void setEnabled(boolean enabled) {
        engine.setEnabled(enabled);
    }

    /** The umbrella switch's current state. */
    public boolean isEnabled() {
        return engine.enabled();
    }

    /**
     * Waits until the {@link CompletionHook}s have done the work accepted so far (for the upload hook: every accepted
     * file is written, or has failed and been logged and counted), at most {@code timeout} for all together.
     *
     * @return true when every hook finished in time
     */
    public boolean flush(Duration timeout) {
        return engine.flush(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Flushes and closes the {@link CompletionHook}s; call it when the application shuts down, before the
     * OpenTelemetry SDK. Operations can still be recorded afterwards, but hooks drop them: the upload hook uploads
     * nothing more, stamps no reference and counts each such inference on {@code gen_ai.upload.dropped}
     * ({@code error.type=closed}). Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * True when operations are recorded: the umbrella switch is on and the OpenTelemetry instance is not a no-op
     * (detected when this was built). Wrappers check it before describing a call, so that a switched-off or no-op
     * setup costs one volatile read and no request or response objects; the factories return pass-through
     * invocations either way.
     */
    public boolean isRecording() {
        return engine.active();
    }

    /**
     * True when a provider should describe an inference's content (instructions, messages, tool definitions): some
     * signal records it ({@link GenAiSettings#captureContent()}), or a completion hook receives it, which hooks do in
     * every capture mode. With neither, describing content is wasted work: nothing would see it.
     */
    public boolean capturesContent() {
        return engine.captureContent();
    }

    /**
     * The arguments of a tool call as the configured {@link ContentRedactor}s leave them, for an instrumentation
     * that records {@code gen_ai.tool.call.arguments} on a span it makes itself rather than through
     * {@link #startToolExecution(ToolCall)} (such as an MCP client or server span). The redactors see the arguments
     * as a {@link dev.genaiotel.semconv.message.MessagePart.ToolCallRequest} with the context
     * ({@code execute_tool}, {@code gen_ai.tool.call.arguments}), exactly as for a tool execution, and fail closed
     * the same way. Call it only when the arguments are going to be recorded; the size budgets are the caller's.
     *
     * @return the arguments to record: {@code call.arguments()} itself when no redactor changed them, a
     *     replacement, or null when a redactor dropped them
     */
    public Object redactToolCallArguments(ToolCall call) {
        return engine.redactToolArguments(Objects.requireNonNull(call, "call"));
    }

    /**
     * The result of a tool call as the configured {@link ContentRedactor}s leave it, for an instrumentation that
     * records {@code gen_ai.tool.call.result} on a span it makes itself; the counterpart of
     * {@link #redactToolCallArguments(ToolCall)}, with the result passed as a
     * {@link dev.genaiotel.semconv.message.MessagePart.ToolCallResponse} in the context
     * ({@code execute_tool}, {@code gen_ai.tool.call.result}).
     *
     * @return the result to record: {@code result} itself when no redactor changed it, a replacement, or null when a
     *     redactor dropped it (or {@code result} was null)
     */
    public Object redactToolCallResult(ToolCall call, Object result) {
        return engine.redactToolResult(Objects.requireNonNull(call, "call"), result);
    }

    /**
     * Starts an inference ({@code chat}, {@code text_completion}, {@code generate_content}) in the current context.
     */
    public Inference startInference(InferenceRequest request) {
        if (!engine.active() || request == null) {
            return Inference.PASS_THROUGH;
        }
        return new Inference(engine.startInference(request, 0));
    }

    /**
     * Starts one inference call that carries {@code promptCount} prompts: one span, batch listener callbacks.
     */
    public InferenceBatch startInferenceBatch(InferenceRequest request, int promptCount) {
        if (!engine.active() || request == null) {
            return InferenceBatch.PASS_THROUGH;
        }
        return new InferenceBatch(engine.startInference(request, Math.max(1, promptCount)));
    }

    /** Starts an embeddings call. */
    public Embeddings startEmbeddings(EmbeddingsRequest request) {
        if (!engine.active() || request == null) {
            return Embeddings.PASS_THROUGH;
        }
        return new Embeddings(engine.startEmbeddings(request));
    }

    /** Starts a tool execution ({@code execute_tool}); only for code that itself runs the tool. */
    public ToolExecution startToolExecution(ToolCall call) {
        if (!engine.active() || call == null) {
            return ToolExecution.PASS_THROUGH;
        }
        return new ToolExecution(engine.startToolExecution(call));
    }

    /** Starts an agent invocation ({@code invoke_agent}): CLIENT for a remote agent, INTERNAL for a local one. */
    public AgentInvocation startAgentInvocation(AgentRequest request) {
        if (!engine.active() || request == null) {
            return AgentInvocation.PASS_THROUGH;
        }
        return new AgentInvocation(engine.startAgentInvocation(request));
    }

    /** Starts the creation of an agent on a remote service ({@code create_agent}). */
    public AgentCreation startAgentCreation(AgentRequest request) {
        if (!engine.active() || request == null) {
            return AgentCreation.PASS_THROUGH;
        }
        return new AgentCreation(engine.startAgentCreation(request));
    }

    /** Starts a workflow ({@code invoke_workflow}). */
    public Workflow startWorkflow(WorkflowRequest request) {
        if (!engine.active() || request == null) {
            return Workflow.PASS_THROUGH;
        }
        return new Workflow(engine.startWorkflow(request));
    }

    /** Starts a retrieval ({@code retrieval}). */
    public Retrieval startRetrieval(RetrievalRequest request) {
        if (!engine.active() || request == null) {
            return Retrieval.PASS_THROUGH;
        }
        return new Retrieval(engine.startRetrieval(request));
    }

    /**
     * Emits {@code gen_ai.evaluation.result} for an earlier operation known by its span: feedback that arrives after
     * the fact. The event is parented to that span.
     *
     * @param traceId the evaluated span's trace id, 32 hex digits; when null or invalid the event has no parent
     * @param spanId the evaluated span's id, 16 hex digits; when null or invalid the event has no parent
     */
    public void recordEvaluation(EvaluationResult result, String traceId, String spanId) {
        engine.recordEvaluation(result, traceId, spanId);
    }

    /**
     * Emits {@code gen_ai.evaluation.result} for an earlier operation known by its span context; with a null or
     * invalid span context the event has no parent span.
     */
    public void recordEvaluation(EvaluationResult result, SpanContext spanContext) {
        if (spanContext == null) {
            engine.recordEvaluation(result, Context.root());
        } else {
            engine.recordEvaluation(result, spanContext.getTraceId(), spanContext.getSpanId());
        }
    }

    /**
     * Emits {@code gen_ai.evaluation.result} for an operation known only by its response id
     * ({@link EvaluationResult#responseId()}); the event has no parent span.
     */
    public void recordEvaluation(EvaluationResult result) {
        engine.recordEvaluation(result, Context.root());
    }
}
