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
import dev.genaiotel.autoconfigure.ExportPreset;
import dev.genaiotel.autoconfigure.GenAiOpenTelemetry;
import dev.genaiotel.autoconfigure.GenAiOpenTelemetryBuilder;
import dev.genaiotel.bedrock.BedrockTelemetry;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The quickstart: an agent turn with a tool-call round trip and a streamed answer, recorded through the genai-otel
 * engine into an OpenTelemetry SDK set up by genai-autoconfigure, then printed by its console view as a span tree,
 * metric points and events.
 *
 * <p>The agent turn's model calls are simulated in-process: this is how a provider module drives the engine, shown
 * without a network. The OpenAI and Ollama calls are real HTTP calls through the instrumented clients, to embedded
 * stand-ins (or to the real services when {@code OPENAI_API_KEY} or {@code OLLAMA_HOST} is set). Content capture is
 * on, so the printed spans carry the conversation.
 */
public final class Quickstart {

    private static final String MODEL = "gpt-4o-mini";
    private static final String CALL_ID = "call_VSPygqKTWdrhaFErNvMV18Yl";
    private static final String CAPTURE_PROPERTY = "otel.instrumentation.genai.capture-message-content";

    private Quickstart() {}

    /** Runs the demo and prints what was recorded. */
    public static void main(String[] args) throws InterruptedException, IOException {
        String otlpEndpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
        boolean otlp = otlpEndpoint != null && !otlpEndpoint.isBlank();
        GenAiOpenTelemetryBuilder setup = GenAiOpenTelemetry.builder()
                .setServiceName("genai-otel-quickstart")
                // A default, so OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=false still switches it off.
                .setDefaultProperty(CAPTURE_PROPERTY, ContentCapture.SPAN_AND_EVENT.name())
                .setExportPreset(otlp ? ExportPreset.otlp() : ExportPreset.console());
        for (String signal : List.of("traces", "metrics", "logs")) {
            // The console view of genai-autoconfigure, next to OTLP when that is on.
            setup.setDefaultProperty("otel." + signal + ".exporter", otlp ? "otlp,genai-console" : "genai-console");
        }
        // Everything is printed once, after the demo's own output (flushed below), not every few seconds.
        setup.setDefaultProperty("otel.bsp.schedule.delay", "600000")
                .setDefaultProperty("otel.blrp.schedule.delay", "600000")
                .setDefaultProperty("otel.metric.export.interval", "600000");
        try (GenAiOpenTelemetry otel = setup.build()) {
            GenAiTelemetry telemetry = otel.genAiTelemetry();

            PrintStream out = System.out;
            out.println("genai-otel quickstart, running as module " + Quickstart.class.getModule().getName());
            ContentCapture capture = telemetry.settings().contentCapture();
            out.println("Content capture: " + capture + (capture == ContentCapture.SPAN_AND_EVENT
                    ? " (on for the demo; the library's default is NO_CONTENT)"
                    : " (from OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT)"));
            if (otlp) {
                out.println("Also exporting over OTLP to " + otlpEndpoint);
            }
            RealServices.printHint(out);
            out.println();

            out.println("Agent turn: simulated in-process, the engine driven as a provider module drives it");
            out.println("  (nothing leaves the machine; its server.* attributes are what a real call would record)");
            out.println();
            runAgentTurn(telemetry);
            runOpenAi(telemetry, out);
            runBedrock(telemetry, out);
            AnthropicDemo.run(telemetry, out);
            runOllama(telemetry, out);

            // Spans, then metric points, then events, each printed by genai-autoconfigure's console exporters.
            otel.openTelemetry().getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            otel.openTelemetry().getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
            otel.openTelemetry().getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);
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

    /**
     * A tool-call round trip through the Bedrock Runtime sync client (Converse: the model asks for a tool, the demo
     * runs it and sends the result back) and a streamed answer through the async client (ConverseStream). Against the
     * local stand-in, or against Bedrock when {@code AWS_ACCESS_KEY_ID} or {@code AWS_PROFILE} is set (region from
     * {@code AWS_REGION}, model from {@code BEDROCK_MODEL_ID}).
     */
    private static void runBedrock(GenAiTelemetry telemetry, PrintStream out) throws IOException {
        boolean real = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null;
        try (BedrockStandIn standIn = real ? null : BedrockStandIn.start()) {
            BedrockTelemetry bedrockTelemetry = BedrockTelemetry.builder(telemetry).build();
            ClientOverrideConfiguration instrumented = ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(bedrockTelemetry.newExecutionInterceptor())
                    .build();
            BedrockRuntimeClientBuilder sync = BedrockRuntimeClient.builder().overrideConfiguration(instrumented);
            BedrockRuntimeAsyncClientBuilder async =
                    BedrockRuntimeAsyncClient.builder().overrideConfiguration(instrumented);
            String model;
            if (real) {
                Region region = Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
                sync.region(region);
                async.region(region);
                model = System.getenv().getOrDefault("BEDROCK_MODEL_ID", BedrockStandIn.MODEL);
            } else {
                StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDQUICKSTARTEXAMPLE", "quickstart-secret-not-a-real-key"));
                sync.region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(standIn.endpoint());
                // The stand-in speaks HTTP/1.1; the async client's default is HTTP/2 with prior knowledge.
                async.region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(standIn.endpoint())
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
                model = BedrockStandIn.MODEL;
            }
            out.println("Bedrock at " + (real ? "AWS" : standIn.endpoint() + " (embedded stand-in)"));
            try (BedrockRuntimeClient bedrock = sync.build();
                    BedrockRuntimeAsyncClient bedrockAsync = bedrockTelemetry.wrap(async.build())) {
                Tool weatherTool = Tool.fromToolSpec(ToolSpecification.builder()
                        .name("get_weather")
                        .description("Current weather for a city")
                        .inputSchema(ToolInputSchema.fromJson(Document.mapBuilder()
                                .putString("type", "object")
                                .putDocument("properties", Document.mapBuilder()
                                        .putDocument("city", Document.mapBuilder().putString("type", "string").build())
                                        .build())
                                .build()))
                        .build());
                Message question = Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("What is the weather in Paris?"))
                        .build();
                ConverseResponse first = bedrock.converse(request -> request.modelId(model)
                        .messages(question)
                        .toolConfig(tools -> tools.tools(weatherTool))
                        .inferenceConfig(config -> config.maxTokens(256).temperature(0.2f)));
                Message toolRequest = first.output().message();
                ToolUseBlock toolUse = toolRequest.content().stream().map(ContentBlock::toolUse)
                        .filter(block -> block != null)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the model did not ask for the weather tool"));
                Message toolResult = Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromToolResult(ToolResultBlock.builder()
                                .toolUseId(toolUse.toolUseId())
                                .content(ToolResultContentBlock.fromJson(Document.mapBuilder()
                                        .putString("forecast", "rain")
                                        .putNumber("high_celsius", 14)
                                        .build()))
                                .build()))
                        .build();
                ConverseResponse second = bedrock.converse(request -> request.modelId(model)
                        .messages(question, toolRequest, toolResult)
                        .toolConfig(tools -> tools.tools(weatherTool))
                        .inferenceConfig(config -> config.maxTokens(256).temperature(0.2f)));
                out.println("  converse: " + second.output().message().content().get(0).text());

                StringBuilder streamed = new StringBuilder();
                bedrockAsync.converseStream(request -> request.modelId(model)
                                .messages(Message.builder().role(ConversationRole.USER)
                                        .content(ContentBlock.fromText("Say hello from Paris.")).build()),
                        ConverseStreamResponseHandler.builder()
                                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                                        .onContentBlockDelta(delta -> streamed.append(delta.delta().text()))
                                        .build())
                                .build())
                        .join();
                out.println("  stream:   " + streamed);
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
