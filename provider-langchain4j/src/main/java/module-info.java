/**
 * OpenTelemetry GenAI instrumentation for LangChain4j: a {@code ChatModelListener} and model wrappers that record
 * inference spans ({@code chat}), an embedding-model listener ({@code embeddings}), and AI-service hooks that record
 * {@code invoke_agent} and {@code execute_tool}. Entry point: {@link dev.genaiotel.langchain4j.LangChain4jTelemetry}.
 */
module dev.genaiotel.langchain4j {
    requires transitive dev.genaiotel.core;
    requires transitive langchain4j.core;
    // AiServices and its tool hooks: optional, needed only by LangChain4jTelemetry.instrument(AiServices).
    requires static langchain4j;
    // LangChain4j's OpenAI models: optional, read for the OpenAI-only request parameters and response metadata.
    requires static langchain4j.open.ai;
    // LangChain4j's Ollama models: optional, read for the Ollama-only request parameters.
    requires static langchain4j.ollama;
    requires java.logging;
    // langchain4j-core logs through slf4j-api, an explicit module that its automatic module cannot pull into the
    // module graph: without this, NoClassDefFoundError org/slf4j/LoggerFactory on the module path.
    requires org.slf4j;

    exports dev.genaiotel.langchain4j;
}
