package dev.genaiotel.javaagent.it.app;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.util.concurrent.TimeUnit;

/** The plain application's anthropic-java steps: the OkHttp clients, sync and async, on the Messages API. */
public final class AnthropicSteps {

    public static final String MODEL = "claude-sonnet-4-5";

    private AnthropicSteps() {}

    static AnthropicClient client(String base) {
        return AnthropicOkHttpClient.builder().baseUrl(base).apiKey("sk-ant-test-key").maxRetries(0).build();
    }

    static MessageCreateParams params() {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(256)
                .system("Answer in one sentence.")
                .addUserMessage("What is the capital of France?")
                .build();
    }

    static String text(Message message) {
        return message.content().get(0).text().map(block -> block.text()).orElse("");
    }

    static void message(String base) {
        AnthropicClient client = client(base);
        try {
            System.out.println("RESULT anthropic " + text(client.messages().create(params())));
        } finally {
            client.close();
        }
    }

    static void messageAsync(String base) throws Exception {
        AnthropicClientAsync client = AnthropicOkHttpClientAsync.builder().baseUrl(base).apiKey("sk-ant-test-key")
                .maxRetries(0).build();
        try {
            Message message = client.messages().create(params()).get(30, TimeUnit.SECONDS);
            System.out.println("RESULT anthropic-async " + text(message));
        } finally {
            client.close();
        }
    }

    static void stream(String base) {
        StringBuilder text = new StringBuilder();
        AnthropicClient client = client(base);
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
            stream.stream().forEach(event -> event.contentBlockDelta()
                    .flatMap(delta -> delta.delta().text())
                    .ifPresent(delta -> text.append(delta.text())));
        } finally {
            client.close();
        }
        System.out.println("RESULT anthropic-stream " + text);
    }
}
