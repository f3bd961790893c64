package dev.genaiotel.benchmarks;

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
 * The SDK the provider benchmarks record into: every span, metric point and log record is produced and aggregated as
 * in production, then handed to an exporter that discards it, so the numbers include the SDK's work but no I/O. The
 * log exporter reads every attribute value and body to the last nested value first, as a serialising exporter would:
 * structured event content is built when it is first read, so an exporter that read nothing would make it free.
 */
final class BenchmarkSdk {

    /** Spans exported (ended) so far by every SDK this class built: lets a set-up check that a variant records. */
    static final AtomicLong SPANS = new AtomicLong();

    private BenchmarkSdk() {}

    /** A recording SDK whose exporters discard everything; close it in the benchmark's tear-down. */
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

    /** A log exporter that reads every value of every record, as a serialising exporter would, then drops it. */
    static LogRecordExporter readingLogs() {
        return new Logs();
    }

    /** Values read by the log exporters; kept so the reads cannot be optimised away. */
    static final AtomicLong VALUES_READ = new AtomicLong();

    private static final class Logs implements LogRecordExporter {
        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
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
