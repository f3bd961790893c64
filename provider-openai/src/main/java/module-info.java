/**
 * OpenTelemetry GenAI instrumentation for {@code com.openai:openai-java}: chat completions, the Responses API,
 * embeddings and legacy completions, sync, async and streaming. Entry point:
 * {@link dev.genaiotel.openai.OpenAITelemetry}.
 */
module dev.genaiotel.openai {
    requires transitive dev.genaiotel.core;
    // Filename-derived automatic module names: openai-java ships no module descriptor.
    requires transitive openai.java.core;
    // okhttp-jvm 5 is an explicit module that the automatic openai-java modules cannot pull into the graph.
    requires okhttp3;
    // Otherwise resolved only by accident, through jackson-module-kotlin's service binding.
    requires kotlin.stdlib;
    requires java.logging;

    exports dev.genaiotel.openai;
}
