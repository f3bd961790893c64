package dev.genaiotel.javaagent.it.app;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.openai.OpenAITelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * An application that uses genai-otel's library module itself, the documented way under the agent
 * ({@code OpenAITelemetry.create(GlobalOpenTelemetry.get()).wrap(client)}), while the extension is attached too.
 */
public final class LibraryApp {

    private LibraryApp() {}

    /**
     * Makes one chat call through a client it wrapped itself.
     *
     * @param args the stand-in's base URL
     */
    public static void main(String[] args) {
        OpenAIClient client = OpenAITelemetry.create(GlobalOpenTelemetry.get()).wrap(PlainApp.openAiClient(args[0]));
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("What is the capital of France?")
                .build());
        System.out.println("RESULT library " + completion.choices().get(0).message().content().orElse(""));
    }
}
