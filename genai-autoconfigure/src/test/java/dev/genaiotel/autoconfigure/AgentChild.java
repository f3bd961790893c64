package dev.genaiotel.autoconfigure;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.openai.OpenAITelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * The application of {@link JavaAgentCoexistenceTest}, run in a child JVM under the OpenTelemetry Java agent: one
 * openai-java chat call, wrapped by genai-otel on the agent's {@code GlobalOpenTelemetry}.
 */
public final class AgentChild {

    private AgentChild() {}

    /** {@code args[0]}: the OpenAI base URL of the stand-in. */
    public static void main(String[] args) {
        OpenAIClient raw = OpenAIOkHttpClient.builder().baseUrl(args[0]).apiKey("sk-test").maxRetries(0).build();
        OpenAIClient client = OpenAITelemetry.create(GlobalOpenTelemetry.get()).wrap(raw);
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("What is the capital of France?").build());
        System.out.println("ANSWER " + completion.choices().get(0).message().content().orElse(""));
    }
}
