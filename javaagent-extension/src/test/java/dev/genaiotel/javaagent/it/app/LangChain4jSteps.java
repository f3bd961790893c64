package dev.genaiotel.javaagent.it.app;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.service.AiServices;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The plain application's LangChain4j steps: OpenAI models (langchain4j-open-ai over the JDK HTTP client), built the
 * ordinary way, with no listener of genai-otel's.
 */
public final class LangChain4jSteps {

    /** Each LangChain4j model asks for its own model name, so that the test tells their spans apart. */
    public static final String CHAT_MODEL = "gpt-4.1-mini";
    public static final String STREAMING_MODEL = "gpt-4.1-nano";
    public static final String AGENT_MODEL = "gpt-4.1";
    public static final String EMBEDDING_MODEL = "text-embedding-3-small";

    private LangChain4jSteps() {}

    /** An AI service; public, so that LangChain4j can proxy it. */
    public interface Assistant {
        /** Answers a question, calling tools when the model asks for them. */
        String chat(String question);
    }

    /** The AI service's tool. */
    public static final class WeatherTools {
        /** What LangChain4j runs when the model calls {@code weather}. */
        @Tool("The current weather in a city")
        public String weather(@P("city") String city) {
            return "sunny, 24 degrees in " + city;
        }
    }

    static ChatModel chatModel(String base, String modelName) {
        return OpenAiChatModel.builder().baseUrl(base + "/v1").apiKey("sk-test-key").modelName(modelName)
                .temperature(0.3).maxRetries(0).build();
    }

    static void chat(String base) {
        String answer = chatModel(base, CHAT_MODEL).chat("What is the capital of France?");
        System.out.println("RESULT langchain4j-chat " + answer);
    }

    static void stream(String base) throws Exception {
        StreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(base + "/v1").apiKey("sk-test-key")
                .modelName(STREAMING_MODEL).build();
        StringBuilder partial = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("What is the capital of France?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                partial.append(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        System.out.println("RESULT langchain4j-stream " + partial + " | " + response.aiMessage().text());
    }

    static void embed(String base) {
        EmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(base + "/v1").apiKey("sk-test-key")
                .modelName(EMBEDDING_MODEL).maxRetries(0).build();
        Response<Embedding> response = model.embed("Paris is the capital of France.");
        System.out.println("RESULT langchain4j-embed " + response.content().dimension());
    }

    static void agent(String base) {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel(base, AGENT_MODEL))
                .chatMemory(MessageWindowChatMemory.withMaxMessages(10))
                .tools(new WeatherTools())
                .beforeToolExecution(before -> System.out.println("RESULT langchain4j-hook before "
                        + before.request().name()))
                .build();
        System.out.println("RESULT langchain4j-agent " + assistant.chat("What is the weather in Paris?"));
    }
}
