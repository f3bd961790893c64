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
import dev.genaiotel.semconv.GenAiEvents;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Emits the events of SEMCONV.md section 5 as log records with an event name, in the operation's span context:
 * {@code gen_ai.client.inference.operation.details}, {@code gen_ai.client.operation.exception} and
 * {@code gen_ai.evaluation.result}.
 */
final class EventRecorder implements Recorder {

    private final Logger logger;
    private final GenAiSettings settings;

    EventRecorder(Logger logger, GenAiSettings settings) {
        this.logger = logger;
        this.settings = settings;
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
        if (settings.emitExceptionEvent()) {
            LogRecordBuilder record = logger.logRecordBuilder()
                    .setEventName(GenAiEvents.GEN_AI_CLIENT_OPERATION_EXCEPTION)
                    .setSeverity(Severity.WARN)
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
    }

    private void details(Operation<?, ?> op) {
        if (!op.spec.inference() || !settings.emitEvent()) {
            return;
        }
        LogRecordBuilder record = logger.logRecordBuilder()
                .setEventName(GenAiEvents.GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS)
                .setSeverity(Severity.INFO)
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
