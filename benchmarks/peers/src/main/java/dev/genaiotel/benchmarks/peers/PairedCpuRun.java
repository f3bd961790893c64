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
 * compiled by one JIT in one JVM. Garbage collection runs on other threads and so is not in these times. Ratios asked
 * for with {@link #ratio} are printed after the table, from the same rounds. A variant added with
 * {@link #add(String, String, Runnable)} is measured against a reference of its own (two clients compared in one run).
 */
// A copy of benchmarks/PairedCpuRun: benchmarks is a shaded JMH jar on our OpenTelemetry line, this module must stay
// on 1.65, and one JDK-only class does not warrant a shared module; keep both copies identical.
final class PairedCpuRun {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String title;
    private final Map<String, Runnable> variants = new LinkedHashMap<>();
    private final Map<String, String> references = new LinkedHashMap<>();
    private final List<String[]> ratios = new ArrayList<>();
    private int maxSteadyPasses;

    PairedCpuRun(String title) {
        this.title = title;
    }

    PairedCpuRun add(String name, Runnable call) {
        variants.put(name, call);
        return this;
    }

    /** Adds a variant whose "added" columns and added-cost ratios are taken against {@code reference}, added before. */
    PairedCpuRun add(String name, String reference, Runnable call) {
        if (!variants.containsKey(reference)) {
            throw new IllegalArgumentException("add the reference " + reference + " before " + name);
        }
        variants.put(name, call);
        references.put(name, reference);
        return this;
    }

    /**
     * Also prints {@code numerator} against {@code denominator}: of their CPU times, or, when {@code added}, of their
     * added costs (each minus the reference in the same round). Printed: the ratio of the two medians, and the median,
     * minimum and maximum of the per-round ratios; the same ratio of medians for allocation.
     */
    PairedCpuRun ratio(String numerator, String denominator, boolean added) {
        ratios.add(new String[] {numerator, denominator, added ? "added" : "total"});
        return this;
    }

    /**
     * After the fixed warm-up rounds, keeps warming every variant in passes while the reference still gets faster
     * (by more than 3% on the fastest pass so far, within the last three passes), up to {@code maxPasses} passes.
     * A large client (the AWS SDK's pipeline) can take a minute or more of a loaded machine to be compiled; rounds
     * measured before that drift, and so do the differences between variants.
     */
    PairedCpuRun warmUntilSteady(int maxPasses) {
        maxSteadyPasses = maxPasses;
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
        if (maxSteadyPasses > 0) {
            warmUntilSteady(roundCpuNanos);
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
            String name = names.get(v);
            int ref = names.indexOf(references.getOrDefault(name, names.get(0)));
            boolean isReference = v == 0 || references.containsValue(name) && !references.containsKey(name);
            System.out.printf("%-28s %12.0f %14s %12.0f %12s%n", names.get(v), median(times[v]),
                    isReference ? "" : String.format("%.0f", medianDifference(times[v], times[ref])), median(bytes[v]),
                    isReference ? "" : String.format("%.0f", medianDifference(bytes[v], bytes[ref])));
        }
        for (String[] ratio : ratios) {
            int n = names.indexOf(ratio[0]);
            int d = names.indexOf(ratio[1]);
            int nr = names.indexOf(references.getOrDefault(ratio[0], names.get(0)));
            int dr = names.indexOf(references.getOrDefault(ratio[1], names.get(0)));
            boolean added = "added".equals(ratio[2]);
            double[] perRound = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perRound[r] = added ? (times[n][r] - times[nr][r]) / (times[d][r] - times[dr][r])
                        : times[n][r] / times[d][r];
            }
            double time = added ? medianDifference(times[n], times[nr]) / medianDifference(times[d], times[dr])
                    : median(times[n]) / median(times[d]);
            double allocation = added
                    ? medianDifference(bytes[n], bytes[nr]) / medianDifference(bytes[d], bytes[dr])
                    : median(bytes[n]) / median(bytes[d]);
            double[] sorted = perRound.clone();
            Arrays.sort(sorted);
            System.out.printf("%s / %s (%s): time %.3f (per round: median %.3f, min %.3f, max %.3f), B %.3f%n",
                    ratio[0], ratio[1], ratio[2], time, median(perRound), sorted[0], sorted[rounds - 1], allocation);
        }
    }

    private static double medianDifference(double[] values, double[] reference) {
        double[] differences = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            differences[r] = values[r] - reference[r];
        }
        return median(differences);
    }

    private void warmUntilSteady(long roundCpuNanos) {
        Runnable reference = variants.values().iterator().next();
        double best = Double.MAX_VALUE;
        int sinceBest = 0;
        int passes = 0;
        double last = 0;
        while (passes < maxSteadyPasses && sinceBest < 3) {
            last = warm(reference, roundCpuNanos);
            for (Runnable call : variants.values()) {
                if (call != reference) {
                    warm(call, roundCpuNanos);
                }
            }
            passes++;
            if (last < best * 0.97) {
                best = last;
                sinceBest = 0;
            } else {
                sinceBest++;
                best = Math.min(best, last);
            }
        }
        System.out.printf("%s: warmed up for %d further passes (%s); reference %.0f ns/op in the last%n", title,
                passes, sinceBest >= 3 ? "steady" : "not steady, stopped at the limit", last);
    }

    /** Runs {@code call} for about {@code cpuNanos} of this thread's CPU time; returns its CPU ns per call. */
    private static double warm(Runnable call, long cpuNanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        long calls = 0;
        long spent;
        do {
            for (int i = 0; i < 16; i++) {
                call.run();
            }
            calls += 16;
            spent = THREADS.getCurrentThreadCpuTime() - start;
        } while (spent < cpuNanos);
        return (double) spent / calls;
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
