package dev.genaiotel.examples.quickstart;

import dev.genaiotel.core.AgentInvocation;
import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.core.ToolCall;
import dev.genaiotel.core.ToolExecution;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.langchain4j.LangChain4jTelemetry;
import dev.genaiotel.ollama.ChatMessage;
import dev.genaiotel.ollama.ChatRequest;
import dev.genaiotel.ollama.ChatResponse;
import dev.genaiotel.ollama.OllamaClient;
import dev.genaiotel.ollama.OllamaTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.openai.OpenAITelemetryBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quickstart: an agent turn with a tool-call round trip and a streamed answer, recorded through the genai-otel
 * engine into an in-memory OpenTelemetry SDK, then printed as a span tree, metric points and events.
 *
 * <p>The agent turn's model calls are simulated in-process: this is how a provider module drives the engine, shown
 * without a network. The OpenAI and Ollama calls are real HTTP calls through the instrumented clients, to embedded
 * stand-ins (or to the real services when {@code OPENAI_API_KEY} or {@code OLLAMA_HOST} is set). Content capture is on, so the printed spans carry the
 * conversation.
 */
public final class Quickstart {

    private static final String MODEL = "gpt-4o-mini";
    private static final String CALL_ID = "call_VSPygqKTWdrhaFErNvMV18Yl";

    private Quickstart() {}

    /** Runs the demo and prints what was recorded. */
    public static void main(String[] args) throws InterruptedException, IOException {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        InMemoryLogRecordExporter events = InMemoryLogRecordExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(events)).build())
                .build()) {
            GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk)
                    .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                    .build();

            PrintStream out = System.out;
            out.println("genai-otel quickstart, running as module " + Quickstart.class.getModule().getName());
            out.println("Content capture: " + telemetry.settings().contentCapture()
                    + " (on for the demo; the default is NO_CONTENT)");
            out.println();

            runAgentTurn(telemetry);
            runOpenAi(telemetry, out);
            runOllama(telemetry, out);

            Report report = new Report(out);
            report.spans(spans.getFinishedSpanItems());
            report.metrics(metrics.collectAllMetrics());
            report.events(events.getFinishedLogRecordItems());
        }
    }

    /**
     * A plain and a streamed chat completion through openai-java's own client, wrapped. Against the local stand-in,
     * or against the OpenAI API (or {@code OPENAI_BASE_URL}) when {@code OPENAI_API_KEY} is set.
     */
    private static void runOpenAi(GenAiTelemetry telemetry, PrintStream out) throws IOException {
        String apiKey = System.getenv("OPENAI_API_KEY");
        boolean real = apiKey != null && !apiKey.isBlank();
        try (OpenAiStandIn standIn = real ? null : OpenAiStandIn.start()) {
            OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().maxRetries(0);
            if (real) {
                builder.apiKey(apiKey);
                String baseUrl = System.getenv("OPENAI_BASE_URL");
                if (baseUrl != null && !baseUrl.isBlank()) {
                    builder.baseUrl(baseUrl);
                }
            } else {
                builder.apiKey("sk-quickstart-not-a-real-key").baseUrl(standIn.baseUrl());
            }
            OpenAITelemetryBuilder openAiTelemetry = OpenAITelemetry.builder(telemetry);
            if (!real) {
                // The stand-in honours stream_options.include_usage, asked for by default only from api.openai.com.
                openAiTelemetry.setIncludeStreamUsage(true);
            }
            OpenAIClient openAi = openAiTelemetry.build().wrap(builder.build());
            out.println("OpenAI at " + (real ? "the OpenAI API" : standIn.baseUrl() + " (embedded stand-in)"));
            try {
                ChatCompletion completion = openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model(OpenAiStandIn.MODEL)
                        .addUserMessage("What is the capital of France? One sentence.")
                        .temperature(0.0)
                        .build());
                out.println("  chat:   " + completion.choices().get(0).message().content().orElse(""));

                StringBuilder streamed = new StringBuilder();
                try (StreamResponse<ChatCompletionChunk> chunks = openAi.chat().completions().createStreaming(
                        ChatCompletionCreateParams.builder()
                                .model(OpenAiStandIn.MODEL)
                                .addUserMessage("Say hello from Paris.")
                                .build())) {
                    chunks.stream().forEach(chunk -> chunk.choices().forEach(
                            choice -> streamed.append(choice.delta().content().orElse(""))));
                }
                out.println("  stream: " + streamed);
                if (!real) {
                    out.println("  langchain4j: " + langChain4jChat(telemetry, standIn.baseUrl()));
                }
            } finally {
                openAi.close();
            }
            out.println();
        }
    }

    /** A chat through LangChain4j's own OpenAI model, observed by our ChatModelListener, against the stand-in. */
    private static String langChain4jChat(GenAiTelemetry telemetry, String baseUrl) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey("sk-quickstart-not-a-real-key")
                .modelName(OpenAiStandIn.MODEL)
                .maxRetries(0)
                .listeners(List.of(LangChain4jTelemetry.builder(telemetry).build().chatModelListener()))
                .build();
        return model.chat("What is the capital of France? One sentence.");
    }

    /**
     * Two calls through the instrumented Ollama client: a plain chat and a streamed one. Against the local stand-in,
     * or against a real Ollama when {@code OLLAMA_HOST} is set.
     */
    private static void runOllama(GenAiTelemetry telemetry, PrintStream out) throws IOException {
        String host = System.getenv("OLLAMA_HOST");
        try (OllamaStandIn standIn = host == null || host.isBlank() ? OllamaStandIn.start() : null) {
            URI baseUrl = standIn != null ? standIn.baseUrl()
                    : URI.create(host.contains("://") ? host : "http://" + host);
            String model = standIn != null ? OllamaStandIn.MODEL : System.getenv().getOrDefault("OLLAMA_MODEL",
                    OllamaStandIn.MODEL);
            HttpClient http = OllamaTelemetry.builder(telemetry).build().wrap(HttpClient.newHttpClient());
            OllamaClient ollama = OllamaClient.builder().baseUrl(baseUrl).httpClient(http).build();
            out.println("Ollama at " + baseUrl + (standIn != null ? " (embedded stand-in)" : ""));

            ChatResponse answer = ollama.chat(ChatRequest.builder(model)
                    .message(ChatMessage.user("What is the capital of France? One sentence."))
                    .option("temperature", 0.0)
                    .build());
            out.println("  chat:   " + answer.message().content());

            StringBuilder streamed = new StringBuilder();
            try (Stream<ChatResponse> chunks = ollama.chatStream(ChatRequest.builder(model)
                    .message(ChatMessage.user("Say hello from Paris."))
                    .build())) {
                chunks.forEach(chunk -> streamed.append(chunk.message().content()));
            }
            out.println("  stream: " + streamed);
            out.println();
        }
    }

    /** One turn of a travel assistant: ask, call a tool, answer in a stream. Scopes are held, not read: "try". */
    @SuppressWarnings("try")
    private static void runAgentTurn(GenAiTelemetry telemetry) throws InterruptedException {
        InputMessage question = InputMessage.text("user", "What is the weather in Paris? Should I pack an umbrella?");
        AgentInvocation agent = telemetry.startAgentInvocation(
                AgentRequest.local("travel-assistant").withInputMessages(List.of(question)));
        try (Scope agentScope = agent.makeCurrent()) {
            FunctionToolDefinition weatherTool = new FunctionToolDefinition("get_weather",
                    "Current weather for a city", Map.of("type", "object",
                            "properties", Map.of("location", Map.of("type", "string"))));
            List<InputMessage> history = new ArrayList<>(List.of(question));

            Inference first = telemetry.startInference(InferenceRequest.chat(ProviderName.OPENAI, MODEL)
                    .temperature(0.2)
                    .maxTokens(256L)
                    .server("api.openai.com", 443L)
                    .systemInstructions(List.of(new MessagePart.Text("You are a concise travel assistant.")))
                    .inputMessages(history)
                    .toolDefinitions(List.of(weatherTool))
                    .build());
            try (Scope scope = first.makeCurrent()) {
                Thread.sleep(25);
            }
            MessagePart.ToolCallRequest toolCall =
                    new MessagePart.ToolCallRequest(CALL_ID, "get_weather", "{\"location\":\"Paris\"}");
            first.end(InferenceResponse.builder()
                    .responseId("chatcmpl-quickstart-1")
                    .responseModel(MODEL + "-2024-07-18")
                    .finishReasons(List.of(FinishReason.normalize("tool_calls")))
                    .outputMessages(List.of(new OutputMessage("assistant", List.of(toolCall), FinishReason.TOOL_CALL)))
                    .usage(TokenUsage.from(Map.of("prompt_tokens", 82, "completion_tokens", 17)))
                    .build());

            ToolExecution tool = telemetry.startToolExecution(ToolCall.function("get_weather", CALL_ID,
                    "{\"location\":\"Paris\"}"));
            Map<String, Object> weather = Map.of("forecast", "rain", "high_celsius", 14);
            Thread.sleep(5);
            tool.end(weather);

            history.add(new InputMessage("assistant", List.of(toolCall)));
            history.add(new InputMessage("tool", List.of(new MessagePart.ToolCallResponse(CALL_ID, weather))));
            Inference second = telemetry.startInference(InferenceRequest.chat(ProviderName.OPENAI, MODEL)
                    .temperature(0.2)
                    .maxTokens(256L)
                    .stream(true)
                    .server("api.openai.com", 443L)
                    .inputMessages(history)
                    .toolDefinitions(List.of(weatherTool))
                    .build());
            try (Scope scope = second.makeCurrent()) {
                Thread.sleep(40);
                for (String delta : List.of("Expect rain in Paris ", "(high of 14°C). ", "Yes, pack an umbrella.")) {
                    second.onChunk(0, delta);
                    Thread.sleep(8);
                }
                StreamAccumulator stream = second.onChunk();
                stream.responseId("chatcmpl-quickstart-2").responseModel(MODEL + "-2024-07-18")
                        .finishReason(0, "stop")
                        .usage(TokenUsage.from(Map.of("prompt_tokens", 131, "completion_tokens", 19)));
            }
            second.end();
            agent.end(InferenceResponse.builder().finishReasons(List.of(FinishReason.STOP)).build());
        } catch (RuntimeException | InterruptedException e) {
            agent.fail(e);
            throw e;
        }
    }
}
