package dev.genaiotel.ollama;

import java.util.List;

/** Realistic Ollama wire payloads (shapes and values as Ollama 0.12 sends them). */
final class Payloads {

    static final String CREATED = "\"created_at\":\"2026-11-22T04:23:40.123456789Z\"";
    static final String TIMINGS = "\"total_duration\":4883583458,\"load_duration\":1334875,"
            + "\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,"
            + "\"eval_duration\":4535599000";

    static final String CHAT_REQUEST = "{\"model\":\"llama3.2\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
            + "{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
            + "\"format\":\"json\",\"options\":{\"temperature\":0.2,\"top_p\":0.9,\"top_k\":40,\"num_predict\":128,"
            + "\"seed\":42,\"stop\":[\"\\n\\n\",\"User:\"],\"presence_penalty\":0.5,\"frequency_penalty\":0.25,"
            + "\"repeat_penalty\":1.1,\"num_ctx\":8192},\"keep_alive\":\"5m\",\"stream\":false}";

    static final String CHAT_RESPONSE = "{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":\"assistant\","
            + "\"content\":\"{\\\"answer\\\":\\\"Rayleigh scattering\\\"}\"},\"done_reason\":\"stop\",\"done\":true,"
            + TIMINGS + "}";

    static final String CHAT_STREAM_REQUEST = "{\"model\":\"llama3.2\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]}";

    static final List<String> CHAT_STREAM = List.of(
            chunk("The"),
            chunk(" sky is"),
            chunk(" blue."),
            "{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"done_reason\":\"stop\",\"done\":true," + TIMINGS + "}");

    static final List<String> THINKING_STREAM = List.of(
            "{\"model\":\"qwen3:8b\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                    + "\"thinking\":\"Light scatters\"},\"done\":false}",
            "{\"model\":\"qwen3:8b\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                    + "\"thinking\":\" more at short wavelengths.\"},\"done\":false}",
            "{\"model\":\"qwen3:8b\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"Rayleigh\"},"
                    + "\"done\":false}",
            "{\"model\":\"qwen3:8b\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\" scattering.\"},"
                    + "\"done\":false}",
            "{\"model\":\"qwen3:8b\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"done_reason\":\"length\",\"done\":true," + TIMINGS + "}");

    static final String TOOL_CALL_RESPONSE = "{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"get_current_weather\","
            + "\"arguments\":{\"format\":\"celsius\",\"location\":\"Paris, FR\"}}}]},\"done_reason\":\"stop\","
            + "\"done\":true,\"total_duration\":885095291,\"load_duration\":3753500,\"prompt_eval_count\":122,"
            + "\"prompt_eval_duration\":328493000,\"eval_count\":33,\"eval_duration\":552222000}";

    static final String GENERATE_REQUEST = "{\"model\":\"llama3.2\",\"prompt\":\"Why is the sky blue?\","
            + "\"system\":\"Answer like a physicist.\",\"options\":{\"num_predict\":64},\"stream\":false}";

    static final String GENERATE_RESPONSE = "{\"model\":\"llama3.2\"," + CREATED + ",\"response\":"
            + "\"Rayleigh scattering.\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2,3],"
            + TIMINGS + "}";

    static final List<String> GENERATE_STREAM = List.of(
            "{\"model\":\"llama3.2\"," + CREATED + ",\"response\":\"Rayleigh\",\"done\":false}",
            "{\"model\":\"llama3.2\"," + CREATED + ",\"response\":\" scattering.\",\"done\":false}",
            "{\"model\":\"llama3.2\"," + CREATED + ",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\","
                    + "\"context\":[1,2,3]," + TIMINGS + "}");

    static final String EMBED_REQUEST = "{\"model\":\"all-minilm\",\"input\":[\"Why is the sky blue?\","
            + "\"Why is the grass green?\"],\"dimensions\":3}";

    static final String EMBED_RESPONSE = "{\"model\":\"all-minilm\",\"embeddings\":[[0.010071029,-0.0017594862,"
            + "0.05007221],[-0.0098027075,0.06042469,0.025257962]],\"total_duration\":14143917,"
            + "\"load_duration\":1019500,\"prompt_eval_count\":8}";

    static final String LEGACY_EMBEDDINGS_REQUEST = "{\"model\":\"all-minilm\",\"prompt\":\"Why is the sky blue?\"}";

    static final String LEGACY_EMBEDDINGS_RESPONSE = "{\"embedding\":[0.5670403838157654,0.009260174818336964,"
            + "0.23178744316101074]}";

    static final String MODEL_NOT_FOUND = "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}";

    static final String RUNNER_KILLED = "{\"error\":\"llama runner process has terminated: signal: killed\"}";

    static final String STREAM_ERROR = "{\"error\":\"an error was encountered while running the model: "
            + "unexpected EOF\"}";

    /** A tiny PNG (1x1 transparent pixel). */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    static String chunk(String content) {
        return "{\"model\":\"llama3.2\"," + CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\""
                + content + "\"},\"done\":false}";
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private Payloads() {}
}
