package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.EXCEPTION_MESSAGE;
import static dev.genaiotel.semconv.GenAiAttributes.EXCEPTION_STACKTRACE;
import static dev.genaiotel.semconv.GenAiAttributes.EXCEPTION_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_EXPLANATION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_SCORE_LABEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EVALUATION_SCORE_VALUE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;

import dev.genaiotel.core.EvaluationResult;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.semconv.EventDefinition;
import dev.genaiotel.semconv.GenAiEvents;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Emits the GenAI events as log records with an event name, in the operation's span context:
 * {@code gen_ai.client.inference.operation.details} (DEBUG in conventions v0.1.0, INFO in 1.41.0 and in the dual
 * setting, once), the exception event of the operation's family in each version in use, and
 * {@code gen_ai.evaluation.result}.
 */
final class EventRecorder implements Recorder {

    private final Logger logger;
    private final GenAiSettings settings;
    private final Semconv semconv;
    private final Severity detailsSeverity;

    EventRecorder(Logger logger, GenAiSettings settings, Semconv semconv) {
        this.logger = logger;
        this.settings = settings;
        this.semconv = semconv;
        // During a migration the event keeps the 1.41.0 severity, so that a backend still filtering at INFO keeps it.
        this.detailsSeverity = (semconv.legacy() ? GenAiEvents.INFERENCE_OPERATION_DETAILS_1_41_0
                : GenAiEvents.INFERENCE_OPERATION_DETAILS_0_1_0).severity();
    }

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        details(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        details(op);
        if (!settings.emitExceptionEvent()) {
            return;
        }
        String operation = op.operationName();
        EventDefinition current = semconv.current() ? SemconvVersion.V0_1_0.exceptionEvent(operation) : null;
        EventDefinition legacy = semconv.legacy() ? SemconvVersion.V1_41_0.exceptionEvent(operation) : null;
        if (current != null) {
            exception(op, current);
        }
        if (legacy != null && (current == null || !legacy.name().equals(current.name()))) {
            exception(op, legacy);
        }
    }

    /**
     * {@code gen_ai.client.inference.exception} and its family's siblings (v0.1.0), or
     * {@code gen_ai.client.operation.exception} (1.41.0); once per distinct name.
     */
    private void exception(Operation<?, ?> op, EventDefinition event) {
        LogRecordBuilder record = logger.logRecordBuilder()
                .setEventName(event.name())
                .setSeverity(event.severity())
                .setContext(op.context);
        Throwable error = op.error;
        if (error != null) {
            record.setAttribute(EXCEPTION_TYPE, error.getClass().getName());
            if (error.getMessage() != null) {
                record.setAttribute(EXCEPTION_MESSAGE, error.getMessage());
            }
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            record.setAttribute(EXCEPTION_STACKTRACE, trace.toString());
        } else {
            record.setAttribute(EXCEPTION_TYPE, op.errorType);
        }
        record.emit();
    }

    private void details(Operation<?, ?> op) {
        if (!op.spec.inference() || !settings.emitEvent()) {
            return;
        }
        LogRecordBuilder record = logger.logRecordBuilder()
                .setEventName(GenAiEvents.GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS)
                .setSeverity(detailsSeverity)
                .setContext(op.context);
        AttributeSink sink = AttributeSink.of(record);
        op.requestAttributes(sink, true);
        op.responseAttributes(sink);
        if (settings.captureOnEvent()) {
            AttributeWriter.content(op, sink, true, settings.toolDefinitionDetails());
        }
        AttributesBuilder hookAttributes = Slot.COMPLETION_EVENT_ATTRIBUTES.get(op);
        if (hookAttributes != null) {
            record.setAllAttributes(hookAttributes.build());
        }
        record.emit();
    }

    void evaluation(EvaluationResult result, Context context) {
        LogRecordBuilder record = logger.logRecordBuilder()
                .setEventName(GenAiEvents.GEN_AI_EVALUATION_RESULT)
                .setSeverity(Severity.INFO)
                .setContext(context);
        AttributeSink sink = AttributeSink.of(record);
        sink.put(GEN_AI_EVALUATION_NAME, result.name());
        sink.put(GEN_AI_EVALUATION_SCORE_VALUE, result.scoreValue());
        sink.put(GEN_AI_EVALUATION_SCORE_LABEL, result.scoreLabel());
        sink.put(GEN_AI_EVALUATION_EXPLANATION, result.explanation());
        sink.put(GEN_AI_RESPONSE_ID, result.responseId());
        sink.put(ERROR_TYPE, result.errorType());
        record.emit();
    }
}
