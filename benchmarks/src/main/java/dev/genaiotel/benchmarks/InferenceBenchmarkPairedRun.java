package dev.genaiotel.benchmarks;

/**
 * A companion to {@link InferenceBenchmark} for shared, noisy machines: runs the raw OpenTelemetry baselines and the
 * core's inference path under each conventions setting in alternating rounds through {@link PairedCpuRun}, which
 * measures this thread's CPU time, so that load from other processes affects every variant alike. Prints each
 * variant's median ns/op and B/op and the ratios the targets are written in: {@code core / baseline} (issue 14, the
 * default conventions against the raw API writing the same span and points), {@code coreLegacy / baselineLegacy}
 * (the same for the 1.41.0 points), {@code core / coreLegacy} and {@code coreDual / core} (issue 15). Run with
 * {@code java -cp benchmarks.jar dev.genaiotel.benchmarks.InferenceBenchmarkPairedRun [rounds] [group]}: 21 rounds by
 * default; group {@code all} (the default, every variant), {@code default} ({@code baseline} and {@code core}
 * alone), {@code legacy} ({@code baselineLegacy} and {@code coreLegacy} alone, the pair earlier versions of this
 * runner compared) or {@code floor} ({@code baseline}, {@code core} and {@code baselineSharedAttributes}: how much of
 * the core's time is the SDK's own recording of the span and points). The smaller groups keep the JIT's view of the
 * core path to one telemetry, as in an application; with all five, three telemetries share the core's call sites.
 */
public final class InferenceBenchmarkPairedRun {

    private InferenceBenchmarkPairedRun() {}

    /** Runs the comparison. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        String group = args.length > 1 ? args[1] : "all";
        InferenceBenchmark state = new InferenceBenchmark();
        state.setUp();
        try {
            PairedCpuRun run = new PairedCpuRun("Inference, non-streaming, content off, " + group);
            switch (group) {
                case "all":
                    run.add("baseline", state::baseline)
                            .add("core", state::core)
                            .add("baselineLegacy", state::baselineLegacy)
                            .add("coreLegacy", state::coreLegacy)
                            .add("coreDual", state::coreDual)
                            .ratio("core", "baseline", false)
                            .ratio("coreLegacy", "baselineLegacy", false)
                            .ratio("core", "coreLegacy", false)
                            .ratio("coreDual", "core", false);
                    break;
                case "default":
                    run.add("baseline", state::baseline)
                            .add("core", state::core)
                            .ratio("core", "baseline", false);
                    break;
                case "floor":
                    run.add("baseline", state::baseline)
                            .add("core", state::core)
                            .add("baselineSharedAttributes", state::baselineSharedAttributes)
                            .ratio("core", "baseline", false)
                            .ratio("baselineSharedAttributes", "baseline", false)
                            .ratio("core", "baselineSharedAttributes", false);
                    break;
                case "legacy":
                    run.add("baselineLegacy", state::baselineLegacy)
                            .add("coreLegacy", state::coreLegacy)
                            .ratio("coreLegacy", "baselineLegacy", false);
                    break;
                default:
                    throw new IllegalArgumentException("group: all, default, floor or legacy, not " + group);
            }
            run.run(5, rounds, 100_000_000L);
        } finally {
            state.tearDown();
        }
    }
}
