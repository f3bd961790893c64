package dev.genaiotel.javaagent.it.app;

import com.anthropic.client.AnthropicClient;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application that uses genai-otel's library modules itself, the documented way under the agent
 * ({@code XTelemetry.create(GlobalOpenTelemetry.get())}), while the extension is attached too: an openai-java client
 * it wraps, a LangChain4j chat model with the library's listener, a streaming model it wraps, an AI service it
 * instruments, and an anthropic-java client it wraps.
 */
public final class LibraryApp {

    private LibraryApp() {}

    /**
     * Makes one call of each kind.
     *
     * @param args the stand-in's base URL
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        OpenAIClient client = OpenAITelemetry.create(GlobalOpenTelemetry.get()).wrap(PlainApp.openAiClient(base));
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("What is the capital of France?")
                .build());
        System.out.println("RESULT library " + completion.choices().get(0).message().content().orElse(""));

        LangChain4jTelemetry langChain4j = LangChain4jTelemetry.create(GlobalOpenTelemetry.get());
        ChatModel listened = OpenAiChatModel.builder().baseUrl(base + "/v1").apiKey("sk-test-key")
                .modelName(LangChain4jSteps.CHAT_MODEL).maxRetries(0)
                .listeners(List.of(langChain4j.chatModelListener())).build();
        System.out.println("RESULT library-langchain4j-chat " + listened.chat("What is the capital of France?"));

        StreamingChatModel wrapped = langChain4j.wrap(OpenAiStreamingChatModel.builder().baseUrl(base + "/v1")
                .apiKey("sk-test-key").modelName(LangChain4jSteps.STREAMING_MODEL).build());
        CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
        wrapped.chat("What is the capital of France?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {}

            @Override
            public void onCompleteResponse(ChatResponse response) {
                streamed.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                streamed.completeExceptionally(error);
            }
        });
        System.out.println("RESULT library-langchain4j-stream "
                + streamed.get(30, TimeUnit.SECONDS).aiMessage().text());

        LangChain4jSteps.Assistant assistant = langChain4j
                .instrument(AiServices.builder(LangChain4jSteps.Assistant.class))
                .chatModel(OpenAiChatModel.builder().baseUrl(base + "/v1").apiKey("sk-test-key")
                        .modelName(LangChain4jSteps.AGENT_MODEL).maxRetries(0)
                        .listeners(List.of(langChain4j.chatModelListener())).build())
                .chatMemory(MessageWindowChatMemory.withMaxMessages(10))
                .tools(new LangChain4jSteps.WeatherTools())
                .build();
        System.out.println("RESULT library-langchain4j-agent " + assistant.chat("What is the weather in Paris?"));

        AnthropicClient anthropic = AnthropicTelemetry.create(GlobalOpenTelemetry.get())
                .wrap(AnthropicSteps.client(base));
        System.out.println("RESULT library-anthropic " + AnthropicSteps.text(anthropic.messages()
                .create(AnthropicSteps.params())));
    }
}
