package dev.genaiotel.benchmarks;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.UploadCompletionHook;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calling thread's cost of one ten-message inference with content off, against {@code SPAN_AND_EVENT} capture with
 * the upload hook writing every inference to a temporary directory. Target (issue 4): at most 3x content off, because
 * encoding for the upload and file I/O happen on the hook's worker thread. The span's JSON attributes are still
 * encoded on the calling thread: that is what capture on the span costs. The event's structured values are built when
 * the batch log processor exports the event.
 *
 * <p>The upload queue is bounded; when the worker falls behind, uploads are dropped (and counted), never waited for,
 * so the calling thread's cost stays what is measured here. Back to back, inferences come much faster than the worker
 * writes two files each, so most of them find the queue full: the tear-down prints how many were written.
 * {@code spanAndEventWithUploadAccepted} uses a queue with room for every upload of the run, so that every upload is
 * accepted and its references stamped, as when inferences take what a model call takes.
 *
 * <p>{@code processors}: {@code batch} records into batch span and log processors, as production SDKs do, so that
 * converting and exporting spans and events happens on the SDK's worker threads; {@code simple} uses
 * {@link BenchmarkSdk#discarding()}, whose simple processors convert and export on the calling thread (the set-up of
 * the other benchmarks, which charges every variant that work).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContentCaptureCostBenchmark {

    @Param({"batch", "simple"})
    public String processors;

    /** Room for every upload of a measured iteration or round, so none is dropped. */
    private static final int ROOMY_QUEUE = 1 << 20;

    private OpenTelemetrySdk sdk;
    private GenAiTelemetry contentOff;
    private GenAiTelemetry spanOnly;
    private GenAiTelemetry spanAndEvent;
    private GenAiTelemetry spanAndEventWithUpload;
    private GenAiTelemetry spanAndEventWithRoomyUpload;
    private Path uploads;
    private long uploadInferences;
    private List<InputMessage> conversation;
    private List<OutputMessage> answer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sdk = processors.equals("simple") ? BenchmarkSdk.discarding() : batching();
        uploads = Files.createTempDirectory("genai-upload-benchmark");
        contentOff = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .build();
        spanOnly = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .build();
        spanAndEvent = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .build();
        spanAndEventWithUpload = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .addCompletionHook(UploadCompletionHook.builder(uploads).setOpenTelemetry(sdk).build())
                .build();
        spanAndEventWithRoomyUpload = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .addCompletionHook(UploadCompletionHook.builder(uploads).setOpenTelemetry(sdk)
                        .setMaxQueueSize(ROOMY_QUEUE).build())
                .build();
        List<InputMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(InputMessage.text("user", "Question " + i + ": what should I see in Paris on a rainy day?"));
            messages.add(InputMessage.text("assistant", "Answer " + i + ": the Louvre, the Musée d'Orsay and the "
                    + "covered passages near the Palais-Royal are all good choices."));
        }
        messages.add(new InputMessage("assistant", List.of(new MessagePart.ToolCallRequest("call_1", "get_weather",
                "{\"location\":\"Paris\",\"days\":2}"))));
        messages.add(new InputMessage("tool", List.of(new MessagePart.ToolCallResponse("call_1",
                Map.of("forecast", "rain", "high", 14)))));
        conversation = List.copyOf(messages);
        answer = List.of(new OutputMessage("assistant",
                List.of(new MessagePart.Text("Rain both days: start with the Louvre.")), FinishReason.STOP));
    }

    /**
     * The same variants measured by {@link PairedCpuRun} (thread CPU time in alternating rounds, steadier than JMH's
     * wall clock on a loaded machine). Run with {@code java -cp benchmarks.jar
     * dev.genaiotel.benchmarks.ContentCaptureCostBenchmark [rounds] [batch|simple]}.
     */
    public static void main(String[] args) throws IOException {
        ContentCaptureCostBenchmark state = new ContentCaptureCostBenchmark();
        state.processors = args.length > 1 ? args[1] : "batch";
        state.setUp();
        try {
            new PairedCpuRun("Content capture, " + state.processors + " processors")
                    .add("contentOff", state::contentOff)
                    .add("spanOnly", state::spanOnly)
                    .add("spanAndEvent", state::spanAndEvent)
                    .add("spanAndEventWithUpload", state::spanAndEventWithUpload)
                    .add("spanAndEventWithUploadAccepted", state::spanAndEventWithUploadAccepted)
                    .run(5, args.length > 0 ? Integer.parseInt(args[0]) : 15, 100_000_000L);
        } finally {
            state.tearDown();
        }
    }

    /**
     * Batch span and log processors and a metric reader whose exporters discard everything; the log exporter reads every
     * event first ({@link BenchmarkSdk#readingLogs()}), so the event's deferred content is built, on the export thread.
     */
    private static OpenTelemetrySdk batching() {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.noop()).build()).build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(new DiscardedMetrics())
                                .setInterval(Duration.ofHours(1)).build())
                        .build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(BatchLogRecordProcessor.builder(BenchmarkSdk.readingLogs()).build())
                        .build())
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        spanAndEventWithUpload.close();
        spanAndEventWithRoomyUpload.close();
        sdk.close();
        try (Stream<Path> files = Files.walk(uploads)) {
            long written = files.filter(path -> path.getFileName().toString().endsWith("_inputs.json")).count();
            if (uploadInferences > 0) {
                System.out.println("inferences with the upload hook: " + uploadInferences + ", uploads written: "
                        + written);
            }
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public void contentOff() {
        run(contentOff);
    }

    /** Where the cost goes: content encoded once, for the span attributes. */
    @Benchmark
    public void spanOnly() {
        run(spanOnly);
    }

    /**
     * Where the cost goes: content encoded as JSON for the span; the event's structured values are built when the batch
     * processor exports it, on its own thread.
     */
    @Benchmark
    public void spanAndEvent() {
        run(spanAndEvent);
    }

    /** Back to back, most inferences find the upload queue full: their upload is dropped and counted. */
    @Benchmark
    public void spanAndEventWithUpload() {
        uploadInferences++;
        run(spanAndEventWithUpload);
    }

    /**
     * As {@link #spanAndEventWithUpload}, with a queue of {@value #ROOMY_QUEUE} uploads, so that every upload of an
     * iteration is accepted and its references stamped: the calling thread's cost when the worker keeps up, as it
     * does when inferences take what a model call takes. The backlog is written at the end of each iteration.
     */
    @Benchmark
    public void spanAndEventWithUploadAccepted() {
        uploadInferences++;
        run(spanAndEventWithRoomyUpload);
    }

    private void run(GenAiTelemetry telemetry) {
        Inference inference = telemetry.startInference(InferenceRequest.chat(ProviderName.OPENAI, "gpt-4o-mini")
                .server("api.openai.com", 443L)
                .inputMessages(conversation)
                .build());
        inference.end(InferenceResponse.builder()
                .responseId("chatcmpl-benchmark")
                .responseModel("gpt-4o-mini-2024-07-18")
                .finishReasons(List.of(FinishReason.STOP))
                .outputMessages(answer)
                .usage(TokenUsage.of(212, 11))
                .build());
    }

    /** Waits for the uploads accepted in an iteration, so the worker's backlog does not spill into the next one. */
    @TearDown(Level.Iteration)
    public void drainUploads() {
        spanAndEventWithUpload.flush(Duration.ofSeconds(30));
        spanAndEventWithRoomyUpload.flush(Duration.ofMinutes(5));
    }

    private static final class DiscardedMetrics implements MetricExporter {
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
}
