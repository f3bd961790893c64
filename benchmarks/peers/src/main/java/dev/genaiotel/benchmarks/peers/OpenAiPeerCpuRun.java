package dev.genaiotel.benchmarks.peers;

import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link OpenAiPeerBenchmark}'s variants measured by {@link PairedCpuRun}. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.OpenAiPeerCpuRun [rounds]}.
 */
public final class OpenAiPeerCpuRun {

    private OpenAiPeerCpuRun() {}

    /** Runs the chat group, then the stream group. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        OpenAiPeerBenchmark state = new OpenAiPeerBenchmark();
        state.chunks = 100;
        state.setUp();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        try {
            new PairedCpuRun("OpenAI chat")
                    .add("rawChat", state::rawChat)
                    .add("oursChatNoContent", state::oursChatNoContent)
                    .add("peerChatNoContent", state::peerChatNoContent)
                    .add("oursChatSpanAndEvent", state::oursChatSpanAndEvent)
                    .add("oursChatEventOnly", state::oursChatEventOnly)
                    .add("peerChatContent", state::peerChatContent)
                    .run(5, rounds, 100_000_000L);
            new PairedCpuRun("OpenAI stream of " + state.chunks + " chunks")
                    .add("rawStream", () -> state.rawStream(blackhole))
                    .add("oursStreamNoContent", () -> state.oursStreamNoContent(blackhole))
                    .add("peerStreamNoContent", () -> state.peerStreamNoContent(blackhole))
                    .add("oursStreamSpanAndEvent", () -> state.oursStreamSpanAndEvent(blackhole))
                    .add("oursStreamEventOnly", () -> state.oursStreamEventOnly(blackhole))
                    .add("peerStreamContent", () -> state.peerStreamContent(blackhole))
                    .run(5, rounds, 100_000_000L);
        } finally {
            blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
            state.tearDown();
        }
    }
}
