package dev.genaiotel.javaagent.it.app;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

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
                case "bedrock" -> bedrock(base);
                case "bedrock-async" -> bedrockAsync(base);
                case "ollama" -> ollama(base);
                case "http-other" -> otherHttp(base);
                case "langchain4j-chat" -> LangChain4jSteps.chat(base);
                case "langchain4j-stream" -> LangChain4jSteps.stream(base);
                case "langchain4j-embed" -> LangChain4jSteps.embed(base);
                case "langchain4j-agent" -> LangChain4jSteps.agent(base);
                case "anthropic" -> AnthropicSteps.message(base);
                case "anthropic-async" -> AnthropicSteps.messageAsync(base);
                case "anthropic-stream" -> AnthropicSteps.stream(base);
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
    }

    private static ConverseRequest converseRequest() {
        return ConverseRequest.builder()
                .modelId("anthropic.claude-3-haiku-20240307-v1:0")
                .system(SystemContentBlock.fromText("Answer in one sentence."))
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("What is the capital of France?")).build())
                .inferenceConfig(c -> c.maxTokens(256).temperature(0.5f))
                .build();
    }

    private static void bedrock(String base) {
        try (BedrockRuntimeClient client = BedrockRuntimeClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
                .endpointOverride(URI.create(base))
                .build()) {
            ConverseResponse response = client.converse(converseRequest());
            System.out.println("RESULT bedrock " + response.output().message().content().get(0).text());
        }
    }

    private static void bedrockAsync(String base) throws Exception {
        try (BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
                .endpointOverride(URI.create(base))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .build()) {
            ConverseResponse response = client.converse(converseRequest()).get(30, TimeUnit.SECONDS);
            System.out.println("RESULT bedrock-async " + response.output().message().content().get(0).text());
        }
    }

    private static void ollama(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model": "llama3.2", "stream": false, "options": {"temperature": 0.1},
                         "messages": [{"role": "user", "content": "What is the capital of France?"}]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("RESULT ollama " + response.statusCode() + " " + response.body().contains("Paris"));
    }

    private static void otherHttp(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("RESULT http-other " + response.statusCode() + " " + response.body()
                + " " + http.getClass().getName());
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
