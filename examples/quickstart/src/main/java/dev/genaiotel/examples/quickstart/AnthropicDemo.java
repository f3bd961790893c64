package dev.genaiotel.examples.quickstart;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.core.GenAiTelemetry;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A message and a streamed message through anthropic-java's own client, wrapped. Against the local stand-in, or
 * against the Anthropic API when {@code ANTHROPIC_API_KEY} is set (model from {@code ANTHROPIC_MODEL}).
 */
final class AnthropicDemo {

    private AnthropicDemo() {}

    static void run(GenAiTelemetry telemetry, PrintStream out) throws IOException {
        String apiKey = System.getenv("ANTHROPIC_API_KEY");
        boolean real = apiKey != null && !apiKey.isBlank();
        try (AnthropicStandIn standIn = real ? null : AnthropicStandIn.start()) {
            AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder().maxRetries(0);
            if (real) {
                builder.apiKey(apiKey);
            } else {
                builder.apiKey("sk-ant-quickstart-not-a-real-key").baseUrl(standIn.baseUrl().toString());
            }
            String model = real ? System.getenv().getOrDefault("ANTHROPIC_MODEL", AnthropicStandIn.MODEL)
                    : AnthropicStandIn.MODEL;
            AnthropicClient anthropic = AnthropicTelemetry.create(telemetry).wrap(builder.build());
            out.println("Anthropic at " + (real ? "the Anthropic API" : standIn.baseUrl() + " (embedded stand-in)"));
            try {
                Message message = anthropic.messages().create(MessageCreateParams.builder()
                        .model(model)
                        .maxTokens(256)
                        .system("Answer in one sentence.")
                        .addUserMessage("What is the capital of France?")
                        .build());
                out.println("  message: " + message.content().stream().flatMap(block -> block.text().stream())
                        .map(text -> text.text()).findFirst().orElse(""));

                StringBuilder streamed = new StringBuilder();
                try (StreamResponse<RawMessageStreamEvent> events = anthropic.messages().createStreaming(
                        MessageCreateParams.builder().model(model).maxTokens(256)
                                .addUserMessage("Say hello from Paris.").build())) {
                    events.stream().forEach(event -> event.contentBlockDelta()
                            .flatMap(delta -> delta.delta().text())
                            .ifPresent(text -> streamed.append(text.text())));
                }
                out.println("  stream:  " + streamed);
            } finally {
                anthropic.close();
            }
            out.println();
        }
    }
}
