package dev.genaiotel.benchmarks.peers;

import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK every variant of a peer benchmark records into, the same set-up as {@code BenchmarkSdk} in benchmarks/:
 * every span, metric point and log record is produced and aggregated as in production, then handed to an exporter
 * that only counts it, so the numbers include the SDK's work but no I/O. The counts let a benchmark check in its
 * set-up that each instrumented variant really records (a variant that silently records nothing would look cheap).
 * A copy rather than a dependency: {@code BenchmarkSdk} lives in a shaded JMH jar built on our OpenTelemetry line,
 * and this module must compile and run against the 1.65 line; this one also counts log records.
 */
final class PeerSdk {

    private PeerSdk() {}

    /** Spans exported (ended) so far, across every SDK this class built. */
    static final AtomicLong SPANS = new AtomicLong();

    /** Log records (events) exported so far, across every SDK this class built. */
    static final AtomicLong LOGS = new AtomicLong();

    /** A recording SDK whose exporters count and discard everything; close it in the benchmark's tear-down. */
    static OpenTelemetrySdk discarding() {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(new Spans())).build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(new Metrics())
                                .setInterval(Duration.ofHours(1)).build())
                        .build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(new Logs())).build())
                .build();
    }

    /**
     * Runs one call and fails the set-up unless it ended exactly one span and, when {@code events} is set, exported
     * at least one log record.
     */
    static void expectRecorded(String variant, boolean events, Runnable call) {
        long spans = SPANS.get();
        long logs = LOGS.get();
        call.run();
        long newSpans = SPANS.get() - spans;
        long newLogs = LOGS.get() - logs;
        if (newSpans != 1 || events != (newLogs > 0)) {
            throw new IllegalStateException(variant + " recorded " + newSpans + " spans and " + newLogs
                    + " log records per call; expected 1 span and " + (events ? "some" : "no") + " log records");
        }
    }

    /** Runs one call and fails the set-up if it recorded any span or log record (the raw variants). */
    static void expectNothing(String variant, Runnable call) {
        long spans = SPANS.get();
        long logs = LOGS.get();
        call.run();
        if (SPANS.get() != spans || LOGS.get() != logs) {
            throw new IllegalStateException(variant + " recorded telemetry but should not");
        }
    }

    private static final class Spans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            SPANS.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static final class Metrics implements MetricExporter {
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Values read by the log exporter; kept so the reads cannot be optimised away. */
    static final AtomicLong VALUES_READ = new AtomicLong();

    /**
     * Reads every attribute value and body of every record to the last nested value, as a serialising exporter
     * would: genai-otel builds an event's structured content when it is first read, so an exporter that read nothing
     * would make that content free for us and not for the peer.
     */
    private static final class Logs implements LogRecordExporter {
        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
            LOGS.addAndGet(logs.size());
            long read = 0;
            for (LogRecordData log : logs) {
                read += read(log.getBodyValue());
                for (Object value : log.getAttributes().asMap().values()) {
                    read += read(value);
                }
            }
            VALUES_READ.addAndGet(read);
            return CompletableResultCode.ofSuccess();
        }

        private static long read(Object value) {
            if (!(value instanceof Value<?> structured)) {
                return value == null ? 0 : 1;
            }
            Object inner = structured.getValue();
            long read = 1;
            if (inner instanceof List<?> elements) {
                for (Object element : elements) {
                    read += read(element instanceof KeyValue field ? field.getValue() : element);
                }
            }
            return read;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
