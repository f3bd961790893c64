package dev.genaiotel.benchmarks.peers;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A companion to the JMH benchmarks for a shared, loaded machine: runs a group of variants in alternating rounds on
 * one thread and measures that thread's CPU time, so that time the thread spends descheduled (other processes on the
 * two cores) is not counted and outside load hits every variant alike. The first variant is the reference (the raw
 * client); for every other one it prints the median CPU ns/op and the median over rounds of its difference from the
 * reference in the same round, which is the added cost. It does the same for the bytes the thread allocated per call
 * ({@code getCurrentThreadAllocatedBytes}), which, unlike JMH's per-fork {@code -prof gc} figures, compares variants
 * compiled by one JIT in one JVM. Garbage collection runs on other threads and so is not in these times.
 */
// A copy of benchmarks/PairedCpuRun: benchmarks is a shaded JMH jar on our OpenTelemetry line, this module must stay
// on 1.65, and one JDK-only class does not warrant a shared module; keep both copies identical.
final class PairedCpuRun {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String title;
    private final Map<String, Runnable> variants = new LinkedHashMap<>();

    PairedCpuRun(String title) {
        this.title = title;
    }

    PairedCpuRun add(String name, Runnable call) {
        variants.put(name, call);
        return this;
    }

    /**
     * Warms every variant up ({@code warmRounds} passes of about {@code roundCpuNanos} each, so the JIT has compiled
     * them), sizes a round to about {@code roundCpuNanos} of the reference, then runs {@code rounds} recorded rounds
     * of every variant and prints them.
     */
    void run(int warmRounds, int rounds, long roundCpuNanos) {
        List<String> names = new ArrayList<>(variants.keySet());
        for (int r = 0; r < warmRounds; r++) {
            for (Runnable call : variants.values()) {
                warm(call, roundCpuNanos);
            }
        }
        int calls = calibrate(variants.get(names.get(0)), roundCpuNanos);
        double[][] times = new double[names.size()][rounds];
        double[][] bytes = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            // Rotate the order each round so no variant always runs right after the same other one.
            for (int k = 0; k < names.size(); k++) {
                int v = (k + r) % names.size();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                times[v][r] = round(variants.get(names.get(v)), calls);
                bytes[v][r] = (double) (THREADS.getCurrentThreadAllocatedBytes() - allocated) / calls;
            }
        }
        System.out.printf("%n%s: thread CPU time and allocation, %d rounds of %d calls per variant (medians)%n",
                title, rounds, calls);
        System.out.printf("%-28s %12s %14s %12s %12s%n", "variant", "ns/op", "added ns/op", "B/op", "added B/op");
        for (int v = 0; v < names.size(); v++) {
            System.out.printf("%-28s %12.0f %14s %12.0f %12s%n", names.get(v), median(times[v]),
                    v == 0 ? "" : String.format("%.0f", medianDifference(times[v], times[0])), median(bytes[v]),
                    v == 0 ? "" : String.format("%.0f", medianDifference(bytes[v], bytes[0])));
        }
    }

    private static double medianDifference(double[] values, double[] reference) {
        double[] differences = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            differences[r] = values[r] - reference[r];
        }
        return median(differences);
    }

    private static void warm(Runnable call, long cpuNanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        do {
            for (int i = 0; i < 16; i++) {
                call.run();
            }
        } while (THREADS.getCurrentThreadCpuTime() - start < cpuNanos);
    }

    private static int calibrate(Runnable call, long roundCpuNanos) {
        int calls = 1;
        while (true) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            if (spent >= roundCpuNanos / 4 || calls >= 1 << 24) {
                return (int) Math.max(1, Math.min(1 << 24, (long) calls * roundCpuNanos / Math.max(1, spent)));
            }
            calls *= 2;
        }
    }

    private static double round(Runnable call, int calls) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (double) (THREADS.getCurrentThreadCpuTime() - start) / calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
