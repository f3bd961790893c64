package dev.genaiotel.benchmarks.peers;

import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link OpenAiPeerBenchmark}'s variants measured by {@link PairedCpuRun}. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.OpenAiPeerCpuRun [rounds]}.
 */
public final class OpenAiPeerCpuRun {

    private OpenAiPeerCpuRun() {}

    /**
     * Runs the chat group, then the stream group. Arguments: the number of rounds (15 by default), then optionally
     * {@code off} to run only the raw client and the content-off variants (shorter, so more rounds fit).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        boolean contentOffOnly = args.length > 1 && "off".equals(args[1]);
        OpenAiPeerBenchmark state = new OpenAiPeerBenchmark();
        state.chunks = 100;
        state.setUp();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        try {
            PairedCpuRun chat = new PairedCpuRun("OpenAI chat")
                    .add("rawChat", state::rawChat)
                    .add("oursChatNoContent", state::oursChatNoContent)
                    .add("peerChatNoContent", state::peerChatNoContent)
                    .ratio("oursChatNoContent", "peerChatNoContent", true);
            if (!contentOffOnly) {
                chat.add("oursChatSpanAndEvent", state::oursChatSpanAndEvent)
                        .add("oursChatEventOnly", state::oursChatEventOnly)
                        .add("peerChatContent", state::peerChatContent)
                        .ratio("oursChatSpanAndEvent", "peerChatContent", true)
                        .ratio("oursChatEventOnly", "peerChatContent", true);
            }
            chat.warmUntilSteady(200).run(5, rounds, 100_000_000L);
            PairedCpuRun stream = new PairedCpuRun("OpenAI stream of " + state.chunks + " chunks")
                    .add("rawStream", () -> state.rawStream(blackhole))
                    .add("oursStreamNoContent", () -> state.oursStreamNoContent(blackhole))
                    .add("peerStreamNoContent", () -> state.peerStreamNoContent(blackhole))
                    .ratio("oursStreamNoContent", "peerStreamNoContent", true);
            if (!contentOffOnly) {
                stream.add("oursStreamSpanAndEvent", () -> state.oursStreamSpanAndEvent(blackhole))
                        .add("oursStreamEventOnly", () -> state.oursStreamEventOnly(blackhole))
                        .add("peerStreamContent", () -> state.peerStreamContent(blackhole))
                        .ratio("oursStreamSpanAndEvent", "peerStreamContent", true)
                        .ratio("oursStreamEventOnly", "peerStreamContent", true);
            }
            stream.warmUntilSteady(200).run(5, rounds, 100_000_000L);
        } finally {
            blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
            state.tearDown();
        }
    }
}
