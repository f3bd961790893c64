/**
 * OpenTelemetry GenAI instrumentation for LangChain4j: a {@code ChatModelListener} and model wrappers that record
 * inference spans ({@code chat}), an embedding-model listener ({@code embeddings}), and AI-service hooks that record
 * {@code invoke_agent} and {@code execute_tool}. Entry point: {@link dev.genaiotel.langchain4j.LangChain4jTelemetry}.
 */
module dev.genaiotel.langchain4j {
    requires transitive dev.genaiotel.core;
    requires transitive langchain4j.core;
    // AiServices and its tool hooks: optional, needed only by LangChain4jTelemetry.instrument(AiServices).
    requires static transitive langchain4j;
    requires java.logging;

    exports dev.genaiotel.langchain4j;
}
