package dev.genaiotel.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link InferenceBenchmark#coreStreamedChunk}: what this machine charges for the two things a
 * timed chunk could need, one {@link System#nanoTime()} read and one SDK histogram record. The engine does the
 * first per chunk and defers the second to the end of the stream. {@link #main} measures both, and the core's whole
 * chunk (its clock read and array write now, its histogram record at the end of the stream), with
 * {@link PairedCpuRun}:
 * {@code java -cp benchmarks.jar dev.genaiotel.benchmarks.InferenceChunkCostBenchmark [rounds]} (21 by default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceChunkCostBenchmark {
    private DoubleHistogram histogram;
    private Attributes attributes = Attributes.of(AttributeKey.stringKey("a"), "b", AttributeKey.stringKey("c"), "d",
            AttributeKey.stringKey("e"), "f");
    private double value = 0.01;

    @Setup
    public void setUp() {
        histogram = SdkMeterProvider.builder()
                .registerMetricReader(new InferenceBenchmark.UncollectedMetricReader())
                .build()
                .get("floor")
                .histogramBuilder("histogram")
                .build();
    }

    private static long sink;

    /**
     * Runs a no-op call (the reference), one clock read, one histogram record, and one whole chunk of the core's
     * stream: {@link InferenceBenchmark#coreStreamedChunk} plus the histogram record its stream makes for that chunk
     * when it ends, measured as a stream of 100 chunks divided by 100.
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        InferenceChunkCostBenchmark floor = new InferenceChunkCostBenchmark();
        floor.setUp();
        InferenceBenchmark inference = new InferenceBenchmark();
        inference.setUp();
        try {
            new PairedCpuRun("One streamed chunk and its parts")
                    .add("noop", () -> sink++)
                    .add("nanoTime", () -> sink += floor.nanoTime())
                    .add("histogramRecord", floor::histogramRecord)
                    .add("coreChunkOfStreamOf100", inference::coreStreamOf100PerChunk)
                    .run(5, rounds, 100_000_000L);
        } finally {
            inference.tearDown();
        }
        System.out.println(sink == 42 ? "" : " ");
    }

    /** One clock read. */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /** One histogram record with three attributes and no exemplar. */
    @Benchmark
    public void histogramRecord() {
        histogram.record(value, attributes, Context.root());
    }
}
