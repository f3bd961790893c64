package dev.genaiotel.benchmarks.peers;

/**
 * {@link BedrockPeerBenchmark}'s variants measured by {@link PairedCpuRun}. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.BedrockPeerCpuRun [rounds] [off]}: with
 * {@code off}, only the raw client, the content-off variants and the two that split our content-off cost (a no-op
 * interceptor, genai-core's part alone), so more rounds fit; without it, every variant.
 */
public final class BedrockPeerCpuRun {

    private BedrockPeerCpuRun() {}

    /** Runs the Converse group. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        boolean contentOffOnly = args.length > 1 && "off".equals(args[1]);
        BedrockPeerBenchmark state = new BedrockPeerBenchmark();
        state.setUp();
        try {
            PairedCpuRun run = new PairedCpuRun("Bedrock Converse (sync client)")
                    .add("rawConverse", state::rawConverse)
                    .add("oursConverseNoContent", state::oursConverseNoContent)
                    .add("peerConverseNoContent", state::peerConverseNoContent)
                    .ratio("oursConverseNoContent", "peerConverseNoContent", true);
            if (contentOffOnly) {
                run.add("noopInterceptorConverse", state::noopInterceptorConverse)
                        .add("coreOnlyConverse", state::coreOnlyConverse);
            } else {
                run.add("oursConverseSpanAndEvent", state::oursConverseSpanAndEvent)
                        .add("oursConverseEventOnly", state::oursConverseEventOnly)
                        .add("peerConverseContent", state::peerConverseContent)
                        .ratio("oursConverseSpanAndEvent", "peerConverseContent", true)
                        .ratio("oursConverseEventOnly", "peerConverseContent", true);
            }
            // The AWS SDK's pipeline takes a minute or more of a loaded machine to be compiled.
            run.warmUntilSteady(200).run(5, rounds, 100_000_000L);
        } finally {
            state.tearDown();
        }
    }
}
