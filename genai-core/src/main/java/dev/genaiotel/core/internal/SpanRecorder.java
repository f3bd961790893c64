package dev.genaiotel.core.internal;

import dev.genaiotel.core.GenAiSettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/** Records each operation as a span ; first in the pipeline, it creates the span. */
final class SpanRecorder implements Recorder {

    private final Tracer tracer;
    private final GenAiSettings settings;

    SpanRecorder(Tracer tracer, GenAiSettings settings) {
        this.tracer = tracer;
        this.settings = settings;
    }

    @Override
    public void onStart(Operation<?, ?> op) {
        SpanBuilder builder = tracer.spanBuilder(op.spanName())
                .setSpanKind(op.spanKind())
                .setParent(op.context);
        op.requestAttributes(AttributeSink.of(builder), false);
        op.spanStarted(builder.startSpan());
    }

    @Override
    public void onEnd(Operation<?, ?> op) {
        Span span = op.span;
        try {
            if (span.isRecording()) {
                attributes(op, span);
            }
        } finally {
            span.end();
        }
    }

    @Override
    public void onError(Operation<?, ?> op) {
        Span span = op.span;
        try {
            if (span.isRecording()) {
                attributes(op, span);
                span.setStatus(StatusCode.ERROR);
                if (op.error != null) {
                    span.recordException(op.error);
                }
            }
        } finally {
            span.end();
        }
    }

    private void attributes(Operation<?, ?> op, Span span) {
        AttributeSink sink = AttributeSink.of(span);
        if (op.enriched()) {
            op.requestAttributes(sink, true);
        }
        op.responseAttributes(sink);
        if (settings.captureOnSpan()) {
            AttributeWriter.content(op, sink, false, settings.toolDefinitionDetails());
        }
    }
}
