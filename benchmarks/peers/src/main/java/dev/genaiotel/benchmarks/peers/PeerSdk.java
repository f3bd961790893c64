package dev.genaiotel.benchmarks.peers;

import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK every variant of a peer benchmark records into, the same set-up as {@code BenchmarkSdk} in benchmarks/:
 * every span, metric point and log record is produced and aggregated as in production, then handed to an exporter
 * that only counts it, so the numbers include the SDK's work but no I/O. The counts let a benchmark check in its
 * set-up that each instrumented variant really records (a variant that silently records nothing would look cheap).
 * A copy rather than a dependency: {@code BenchmarkSdk} lives in a shaded JMH jar built on our OpenTelemetry line,
 * and this module must compile and run against the 1.65 line; this one also counts log records.
 *
 * <p>{@link #discarding()} exports through simple processors, so converting and exporting (and the log exporter's
 * reading of every value, see {@link Logs}) run on the calling thread for every variant. {@link #batching()} exports
 * through batch processors as production SDKs do, so that work runs on the SDK's threads; their queues are large and
 * drained every few milliseconds so that nothing is dropped (a dropped event would never be read, which would make our
 * deferred event content free), and {@link #checkNothingDropped()} verifies that after a run.
 */
final class PeerSdk {

    private PeerSdk() {}

    /** Spans exported (ended) so far, across every SDK this class built. */
    static final AtomicLong SPANS = new AtomicLong();

    /** Log records (events) exported so far, across every SDK this class built. */
    static final AtomicLong LOGS = new AtomicLong();

    /** With {@link #batching()}: spans ended and log records emitted (counted on the calling thread). */
    private static final AtomicLong SPANS_ENDED = new AtomicLong();
    private static final AtomicLong LOGS_EMITTED = new AtomicLong();
    private static volatile boolean batched;

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
     * A recording SDK like {@link #discarding()} whose spans and log records are exported by batch processors on the
     * SDK's own threads. Use it alone in a JVM (the set-up checks then count what was ended and emitted).
     */
    static OpenTelemetrySdk batching() {
        batched = true;
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(new CountEnded())
                        .addSpanProcessor(BatchSpanProcessor.builder(new Spans()).setMaxQueueSize(1 << 20)
                                .setMaxExportBatchSize(512).setScheduleDelay(Duration.ofMillis(5)).build())
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(new Metrics())
                                .setInterval(Duration.ofHours(1)).build())
                        .build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(new CountEmitted())
                        .addLogRecordProcessor(BatchLogRecordProcessor.builder(new Logs()).setMaxQueueSize(1 << 20)
                                .setMaxExportBatchSize(512).setScheduleDelay(Duration.ofMillis(5)).build())
                        .build())
                .build();
    }

    /**
     * With {@link #batching()}: flushes {@code sdk} and fails unless every span ended and every log record emitted
     * was exported, i.e. the batch processors dropped nothing; prints the counts.
     */
    static void checkNothingDropped(OpenTelemetrySdk sdk) {
        sdk.getSdkTracerProvider().forceFlush().join(60, TimeUnit.SECONDS);
        sdk.getSdkLoggerProvider().forceFlush().join(60, TimeUnit.SECONDS);
        System.out.printf("batch processors: %d of %d spans and %d of %d log records exported%n", SPANS.get(),
                SPANS_ENDED.get(), LOGS.get(), LOGS_EMITTED.get());
        if (SPANS.get() != SPANS_ENDED.get() || LOGS.get() != LOGS_EMITTED.get()) {
            throw new IllegalStateException("the batch processors dropped spans or log records");
        }
    }

    private static long spans() {
        return batched ? SPANS_ENDED.get() : SPANS.get();
    }

    private static long logs() {
        return batched ? LOGS_EMITTED.get() : LOGS.get();
    }

    /**
     * Runs one call and fails the set-up unless it ended exactly one span and, when {@code events} is set, exported
     * at least one log record.
     */
    static void expectRecorded(String variant, boolean events, Runnable call) {
        long spans = spans();
        long logs = logs();
        call.run();
        long newSpans = spans() - spans;
        long newLogs = logs() - logs;
        if (newSpans != 1 || events != (newLogs > 0)) {
            throw new IllegalStateException(variant + " recorded " + newSpans + " spans and " + newLogs
                    + " log records per call; expected 1 span and " + (events ? "some" : "no") + " log records");
        }
    }

    /** Runs one call and fails the set-up if it recorded any span or log record (the raw variants). */
    static void expectNothing(String variant, Runnable call) {
        long spans = spans();
        long logs = logs();
        call.run();
        if (spans() != spans || logs() != logs) {
            throw new IllegalStateException(variant + " recorded telemetry but should not");
        }
    }

    /** Counts ended spans on the calling thread, ahead of the batch processor. */
    private static final class CountEnded implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            SPANS_ENDED.incrementAndGet();
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    /** Counts emitted log records on the calling thread, ahead of the batch processor. */
    private static final class CountEmitted implements LogRecordProcessor {
        @Override
        public void onEmit(Context context, ReadWriteLogRecord logRecord) {
            LOGS_EMITTED.incrementAndGet();
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
