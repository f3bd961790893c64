package dev.genaiotel.benchmarks;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
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
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.GenAiSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
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
 * and attributes) and records the same metric points (one duration, two token-usage points) with the raw
 * OpenTelemetry API. All variants use one SDK whose span processor exports nothing and whose metric reader is never
 * collected, so the SDK's own recording work is measured, not an exporter.
 *
 * <p>Targets (issue 3): {@link #core} at most 1.3x {@link #baseline}; {@link #coreWithNoopOpenTelemetry} at most
 * 50 ns; {@link #coreStreamedChunk} at most 50 ns and 0 B/op ({@code -prof gc}, {@code gc.alloc.rate.norm}).
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
    private GenAiTelemetry telemetry;
    private GenAiTelemetry noopTelemetry;
    private Inference stream;

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
        List<Long> tokenBuckets = new ArrayList<>();
        for (Double boundary : GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.bucketBoundaries()) {
            tokenBuckets.add(boundary.longValue());
        }
        tokens = meter.histogramBuilder(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())
                .setUnit("{token}")
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(tokenBuckets)
                .build();
        telemetry = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(key -> null, key -> null)
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

    /** (a) The raw OpenTelemetry API: the span and metric points a careful hand-written instrumentation records. */
    @Benchmark
    public void baseline() {
        long start = System.nanoTime();
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
        Context context = Context.root().with(span);
        Attributes common = Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, provider)
                .put(GEN_AI_REQUEST_MODEL, model)
                .put(SERVER_ADDRESS, serverAddress)
                .put(SERVER_PORT, serverPort)
                .put(GEN_AI_RESPONSE_MODEL, responseModel)
                .build();
        duration.record((System.nanoTime() - start) / 1e9, common, context);
        tokens.record(inputTokens, common.toBuilder().put(GEN_AI_TOKEN_TYPE, "input").build(), context);
        tokens.record(outputTokens, common.toBuilder().put(GEN_AI_TOKEN_TYPE, "output").build(), context);
    }

    /** (b) Ours, non-streaming, content off: request and response descriptions built per call, as a provider does. */
    @Benchmark
    public void core() {
        Inference inference = telemetry.startInference(request().build());
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
