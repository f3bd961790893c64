package dev.genaiotel.benchmarks;

import java.nio.charset.StandardCharsets;

/** Ollama {@code /api/chat} wire payloads shared by the Ollama benchmarks: one answer, and the lines of a stream. */
final class OllamaPayloads {

    private static final String CREATED = "\"created_at\":\"2026-11-22T04:23:40.123456789Z\"";
    private static final String TIMINGS = "\"total_duration\":4883583458,\"load_duration\":1334875,"
            + "\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,"
            + "\"eval_duration\":4535599000";

    /** A non-streamed answer. */
    static final byte[] CHAT_RESPONSE = ("{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"The sky is blue because of Rayleigh scattering.\"},\"done_reason\":"
            + "\"stop\",\"done\":true," + TIMINGS + "}").getBytes(StandardCharsets.UTF_8);

    /** One NDJSON line of a stream before its end. */
    static final byte[] CHUNK = ("{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\" sky\"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8);

    /** The last NDJSON line of a stream, with the counts and timings. */
    static final byte[] LAST_CHUNK = ("{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true," + TIMINGS + "}\n")
            .getBytes(StandardCharsets.UTF_8);

    private OllamaPayloads() {}
}
