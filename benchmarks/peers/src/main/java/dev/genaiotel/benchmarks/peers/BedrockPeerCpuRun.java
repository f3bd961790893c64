package dev.genaiotel.benchmarks.peers;

/**
 * {@link BedrockPeerBenchmark}'s variants measured by {@link PairedCpuRun}. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.BedrockPeerCpuRun [rounds]}.
 */
public final class BedrockPeerCpuRun {

    private BedrockPeerCpuRun() {}

    /** Runs the Converse group. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        BedrockPeerBenchmark state = new BedrockPeerBenchmark();
        state.setUp();
        try {
            new PairedCpuRun("Bedrock Converse (sync client)")
                    .add("rawConverse", state::rawConverse)
                    .add("oursConverseNoContent", state::oursConverseNoContent)
                    .add("peerConverseNoContent", state::peerConverseNoContent)
                    .add("oursConverseSpanAndEvent", state::oursConverseSpanAndEvent)
                    .add("peerConverseContent", state::peerConverseContent)
                    .run(5, rounds, 100_000_000L);
        } finally {
            state.tearDown();
        }
    }
}
