package dev.genaiotel.benchmarks;

/**
 * {@link LangChain4jBenchmark}'s variants measured by {@link PairedCpuRun}. Run with
 * {@code java -cp benchmarks.jar dev.genaiotel.benchmarks.LangChain4jCpuRun [rounds]}. The {@code corePath} row's
 * "added" column is meaningless (it is not a chat call); its ns/op is the yardstick.
 */
public final class LangChain4jCpuRun {

    private LangChain4jCpuRun() {}

    /** Runs the chat group. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        LangChain4jBenchmark state = new LangChain4jBenchmark();
        state.setUp();
        try {
            new PairedCpuRun("LangChain4j OpenAiChatModel")
                    .add("rawChat", state::rawChat)
                    .add("noopListenerChat", state::noopListenerChat)
                    .add("listenerChat", state::listenerChat)
                    .add("wrappedChat", state::wrappedChat)
                    .add("corePath", state::corePath)
                    .run(5, rounds, 100_000_000L);
        } finally {
            state.tearDown();
        }
    }
}
