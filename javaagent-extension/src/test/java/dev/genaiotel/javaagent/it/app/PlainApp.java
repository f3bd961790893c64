package dev.genaiotel.javaagent.it.app;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * A plain application with no genai-otel code and no OpenTelemetry code: it only calls the client libraries. Each
 * argument after the stand-in's base URL names a step; each step prints one {@code RESULT} line with what the
 * client returned, so the test can check that the application saw the service's answer unchanged.
 */
public final class PlainApp {

    private PlainApp() {}

    /**
     * Runs the steps.
     *
     * @param args the stand-in's base URL, then the steps, comma-separated
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        for (String step : args[1].split(",")) {
            switch (step) {
                case "openai" -> openAi(base);
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
    }

    static OpenAIClient openAiClient(String base) {
        return OpenAIOkHttpClient.builder().baseUrl(base + "/v1").apiKey("sk-test-key").maxRetries(0).build();
    }

    private static void openAi(String base) {
        OpenAIClient client = openAiClient(base);
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage("Answer in one sentence.")
                .addUserMessage("What is the capital of France?")
                .temperature(0.2)
                .build());
        System.out.println("RESULT openai " + completion.choices().get(0).message().content().orElse(""));
    }
}
