package dev.genaiotel.benchmarks;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_MODALITY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOKEN_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.GenAiSchema;
import dev.genaiotel.semconv.MetricDefinition;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one inference, against a hand-written baseline that creates the same span (same name, kind
 * and attributes) and records the same metric points with the raw OpenTelemetry API: {@link #baseline} the points of
 * conventions v0.1.0, which the core records by default (one duration, two usage counter points by
 * {@code gen_ai.token.modality}, two per-operation token histogram points), {@link #baselineLegacy} those of 1.41.0
 * (one duration, two {@code gen_ai.client.token.usage} points). All variants use one SDK whose span processor exports
 * nothing and whose metric reader is never collected, so the SDK's own recording work is measured, not an exporter.
 *
 * <p>Targets: {@link #core} at most 0.5x {@link #baseline} (issue 14; 1.3x in issue 3);
 * {@link #coreWithNoopOpenTelemetry} at most 50 ns; {@link #coreStreamedChunk} at most 50 ns and 0 B/op
 * ({@code -prof gc}, {@code gc.alloc.rate.norm}); {@link #core} no costlier than {@link #coreLegacy} and
 * {@link #coreDual} at most 1.5x {@link #core} (issue 15).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {

    private static final List<String> FINISH_REASONS = List.of("stop");

    private OpenTelemetrySdk sdk;
    private Tracer tracer;
    private DoubleHistogram duration;
    private LongHistogram tokens;
    private DoubleHistogram inferenceDuration;
    private LongCounter inputTokenUsage;
    private LongCounter outputTokenUsage;
    private LongHistogram operationInputTokens;
    private LongHistogram operationOutputTokens;
    private Attributes sharedCommon;
    private Attributes sharedUsage;
    private GenAiTelemetry telemetry;
    private GenAiTelemetry legacyTelemetry;
    private GenAiTelemetry dualTelemetry;
    private GenAiTelemetry noopTelemetry;
    private Inference stream;
    private Inference streamOf100;
    private int streamedChunks;

    private String provider = "openai";
    private String model = "gpt-4o";
    private String serverAddress = "api.openai.com";
    private long serverPort = 443L;
    private double temperature = 0.2;
    private long maxTokens = 100L;
    private String responseId = "chatcmpl-123";
    private String responseModel = "gpt-4o-2024-08-06";
    private long inputTokens = 120L;
    private long outputTokens = 40L;
    private String delta = "token";

    @Setup(Level.Trial)
    public void setUp() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new NoExportSpanProcessor()).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(new UncollectedMetricReader())
                        .build())
                .build();
        tracer = sdk.getTracerProvider().tracerBuilder(GenAiSchema.INSTRUMENTATION_SCOPE).build();
        Meter meter = sdk.getMeterProvider().meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE).build();
        duration = meter.histogramBuilder(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name())
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.bucketBoundaries())
                .build();
        tokens = longs(meter, GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE);
        inferenceDuration = meter.histogramBuilder(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.name())
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(
                        GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_DURATION.bucketBoundaries())
                .build();
        inputTokenUsage = meter.counterBuilder(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_INPUT_TOKENS.name())
                .setUnit("{token}")
                .build();
        outputTokenUsage = meter.counterBuilder(
                GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_USAGE_OUTPUT_TOKENS.name())
                .setUnit("{token}")
                .build();
        operationInputTokens = longs(meter, GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_INPUT_TOKENS);
        operationOutputTokens = longs(meter, GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_OPERATION_OUTPUT_TOKENS);
        sharedCommon = baselineMetricAttributes();
        sharedUsage = sharedCommon.toBuilder().put(GEN_AI_TOKEN_MODALITY, "unknown").build();
        telemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .build();
        legacyTelemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setSemconvVersion(SemconvVersion.V1_41_0)
                .build();
        dualTelemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .setSemconvVersion(SemconvVersion.V0_1_0, SemconvVersion.V1_41_0)
                .build();
        noopTelemetry = GenAiTelemetry.builder(OpenTelemetry.noop())
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
                .build();
        stream = telemetry.startInference(request().stream(true).build());
        stream.onChunk(0, delta);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stream.end();
        sdk.close();
    }

    private InferenceRequest.Builder request() {
        return InferenceRequest.chat(provider, model)
                .server(serverAddress, serverPort)
                .temperature(temperature)
                .maxTokens(maxTokens);
    }

    private static LongHistogram longs(Meter meter, MetricDefinition definition) {
        List<Long> buckets = new ArrayList<>();
        for (Double boundary : definition.bucketBoundaries()) {
            buckets.add(boundary.longValue());
        }
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(buckets)
                .build();
    }

    /**
     * (a) The raw OpenTelemetry API: the span and the v0.1.0 metric points (what the core records by default) that a
     * careful hand-written instrumentation records, building its attributes per call.
     */
    @Benchmark
    public void baseline() {
        long start = System.nanoTime();
        Context context = baselineSpan();
        Attributes common = baselineMetricAttributes();
        inferenceDuration.record((System.nanoTime() - start) / 1e9, common, context);
        Attributes usage = common.toBuilder().put(GEN_AI_TOKEN_MODALITY, "unknown").build();
        inputTokenUsage.add(inputTokens, usage, context);
        outputTokenUsage.add(outputTokens, usage, context);
        operationInputTokens.record(inputTokens, common, context);
        operationOutputTokens.record(outputTokens, common, context);
    }

    /**
     * (a'') {@link #baseline} with its metric attributes built once, at set-up, as the core keeps them: the raw API's
     * cost of the span and the points alone, the floor under any instrumentation that records them.
     */
    @Benchmark
    public void baselineSharedAttributes() {
        long start = System.nanoTime();
        Context context = baselineSpan();
        inferenceDuration.record((System.nanoTime() - start) / 1e9, sharedCommon, context);
        inputTokenUsage.add(inputTokens, sharedUsage, context);
        outputTokenUsage.add(outputTokens, sharedUsage, context);
        operationInputTokens.record(inputTokens, sharedCommon, context);
        operationOutputTokens.record(outputTokens, sharedCommon, context);
    }

    /** (a') The same span with the 1.41.0 metric points: one duration, two {@code gen_ai.client.token.usage}. */
    @Benchmark
    public void baselineLegacy() {
        long start = System.nanoTime();
        Context context = baselineSpan();
        Attributes common = baselineMetricAttributes();
        duration.record((System.nanoTime() - start) / 1e9, common, context);
        tokens.record(inputTokens, common.toBuilder().put(GEN_AI_TOKEN_TYPE, "input").build(), context);
        tokens.record(outputTokens, common.toBuilder().put(GEN_AI_TOKEN_TYPE, "output").build(), context);
    }

    private Context baselineSpan() {
        Span span = tracer.spanBuilder("chat " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(GEN_AI_OPERATION_NAME, "chat")
                .setAttribute(GEN_AI_PROVIDER_NAME, provider)
                .setAttribute(GEN_AI_REQUEST_MODEL, model)
                .setAttribute(SERVER_ADDRESS, serverAddress)
                .setAttribute(SERVER_PORT, serverPort)
                .setAttribute(GEN_AI_REQUEST_TEMPERATURE, temperature)
                .setAttribute(GEN_AI_REQUEST_MAX_TOKENS, maxTokens)
                .startSpan();
        span.setAttribute(GEN_AI_RESPONSE_ID, responseId);
        span.setAttribute(GEN_AI_RESPONSE_MODEL, responseModel);
        span.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, FINISH_REASONS);
        span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, inputTokens);
        span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, outputTokens);
        span.end();
        return Context.root().with(span);
    }

    private Attributes baselineMetricAttributes() {
        return Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, provider)
                .put(GEN_AI_REQUEST_MODEL, model)
                .put(SERVER_ADDRESS, serverAddress)
                .put(SERVER_PORT, serverPort)
                .put(GEN_AI_RESPONSE_MODEL, responseModel)
                .build();
    }

    /**
     * (b) Ours, non-streaming, content off, the default conventions (v0.1.0): request and response descriptions built
     * per call, as a provider does.
     */
    @Benchmark
    public void core() {
        inference(telemetry);
    }

    /** (b') The same with the 1.41.0 names only ({@code semconv-version=1.41.0}): what the project emitted before. */
    @Benchmark
    public void coreLegacy() {
        inference(legacyTelemetry);
    }

    /** (b'') The same with both ({@code semconv-version=0.1.0,1.41.0}), the migration setting. */
    @Benchmark
    public void coreDual() {
        inference(dualTelemetry);
    }

    private void inference(GenAiTelemetry recording) {
        Inference inference = recording.startInference(request().build());
        inference.end(InferenceResponse.builder()
                .responseId(responseId)
                .responseModel(responseModel)
                .finishReasons(FINISH_REASONS)
                .usage(TokenUsage.of(inputTokens, outputTokens))
                .build());
    }

    /**
     * (c) Ours with {@code OpenTelemetry.noop()}, as a provider wrapper runs it: it asks
     * {@link GenAiTelemetry#isRecording()} before describing the call.
     */
    @Benchmark
    public void coreWithNoopOpenTelemetry() {
        if (!noopTelemetry.isRecording()) {
            return;
        }
        Inference inference = noopTelemetry.startInference(request().build());
        inference.end(InferenceResponse.builder()
                .responseId(responseId)
                .responseModel(responseModel)
                .finishReasons(FINISH_REASONS)
                .usage(TokenUsage.of(inputTokens, outputTokens))
                .build());
    }

    /**
     * (c') Ours with {@code OpenTelemetry.noop()} for a caller that describes the call without asking first: the
     * factory returns a pass-through at once, but the request and response descriptions are still built.
     */
    @Benchmark
    public void coreWithNoopOpenTelemetryUnguarded() {
        Inference inference = noopTelemetry.startInference(request().build());
        inference.end(InferenceResponse.builder()
                .responseId(responseId)
                .responseModel(responseModel)
                .finishReasons(FINISH_REASONS)
                .usage(TokenUsage.of(inputTokens, outputTokens))
                .build());
    }

    /** (d) One streamed chunk with content off, on a long-lived streaming inference. */
    @Benchmark
    public void coreStreamedChunk() {
        stream.onChunk(0, delta);
    }

    /**
     * A whole streamed inference of 100 chunks, content off, run once per 100 calls: spread over its chunks, what one
     * chunk costs from its clock read to its {@code time_per_output_chunk} record, plus a hundredth of the call.
     * Not a JMH benchmark; {@link InferenceChunkCostBenchmark#main} runs it.
     */
    void coreStreamOf100PerChunk() {
        if (streamedChunks == 0) {
            streamOf100 = telemetry.startInference(request().stream(true).build());
        }
        streamOf100.onChunk(0, delta);
        if (++streamedChunks == 100) {
            streamOf100.end(InferenceResponse.builder()
                    .responseId(responseId)
                    .responseModel(responseModel)
                    .finishReasons(FINISH_REASONS)
                    .usage(TokenUsage.of(inputTokens, outputTokens))
                    .build());
            streamedChunks = 0;
        }
    }

    /** Ends spans without exporting them. */
    private static final class NoExportSpanProcessor implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    /** Registers with the meter provider so instruments record, and is never collected. */
    static final class UncollectedMetricReader implements MetricReader {
        @Override
        public void register(CollectionRegistration registration) {}

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public MemoryMode getMemoryMode() {
            return MemoryMode.REUSABLE_DATA;
        }
    }
}
