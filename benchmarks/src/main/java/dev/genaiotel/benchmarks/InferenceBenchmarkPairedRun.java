package dev.genaiotel.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A companion to {@link InferenceBenchmark} for shared, noisy machines: runs {@link InferenceBenchmark#baseline}
 * and {@link InferenceBenchmark#core} in alternating rounds and measures this thread's CPU time, so that load from
 * other processes affects both sides alike. Prints the median ns/op of each side and the median of the per-round
 * ratios. Run with {@code java -cp benchmarks.jar dev.genaiotel.benchmarks.InferenceBenchmarkPairedRun [rounds]}.
 */
public final class InferenceBenchmarkPairedRun {

    private static final int CALLS_PER_ROUND = 100_000;

    private InferenceBenchmarkPairedRun() {}

    /** Runs the comparison. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        InferenceBenchmark state = new InferenceBenchmark();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            round(state, threads, true);
            round(state, threads, false);
        }
        double[] baseline = new double[rounds];
        double[] core = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            baseline[i] = round(state, threads, true);
            core[i] = round(state, threads, false);
            ratio[i] = core[i] / baseline[i];
        }
        state.tearDown();
        System.out.printf("baseline %.0f ns/op, core %.0f ns/op (CPU time, medians of %d rounds of %d calls)%n",
                median(baseline), median(core), rounds, CALLS_PER_ROUND);
        System.out.printf("core / baseline: median %.3f, min %.3f, max %.3f%n", median(ratio),
                Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0));
    }

    private static double round(InferenceBenchmark state, ThreadMXBean threads, boolean baseline) {
        long start = threads.getCurrentThreadCpuTime();
        if (baseline) {
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                state.baseline();
            }
        } else {
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                state.core();
            }
        }
        return (double) (threads.getCurrentThreadCpuTime() - start) / CALLS_PER_ROUND;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
