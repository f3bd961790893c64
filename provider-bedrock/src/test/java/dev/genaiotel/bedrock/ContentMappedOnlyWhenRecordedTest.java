package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.document.DocumentVisitor;
import software.amazon.awssdk.core.document.VoidDocumentVisitor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;

/**
 * The core decides whether content is read: the provider hands it over as mappings, which run only when something
 * records content, and then produce what the span recorded before. The Converse request carries two documents the
 * provider's content mapping reads (a tool call's input and a tool's schema) that count every read other than the
 * SDK's own marshalling, which visits them; a count of zero is the mapping never having run.
 */
class ContentMappedOnlyWhenRecordedTest extends BedrockFixture {

    static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String TOOL_CALL_RESPONSE = """
            {"output":{"message":{"role":"assistant","content":[
               {"text":"It is sunny."},
               {"toolUse":{"toolUseId":"tooluse_2","name":"get_forecast","input":{"city":"Paris","days":2}}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":320,"outputTokens":41,"totalTokens":361}}""";

    private final ReadCountingDocument toolInput = new ReadCountingDocument(Document.mapBuilder()
            .putString("city", "Paris").build());
    private final ReadCountingDocument toolSchema = new ReadCountingDocument(Document.mapBuilder()
            .putString("type", "object")
            .putDocument("properties", Document.mapBuilder().putDocument("city",
                    Document.mapBuilder().putString("type", "string").build()).build())
            .build());

    /** A second turn: the user's question, the assistant's tool call, the tool's answer; one tool offered. */
    private ConverseRequest toolRoundTrip() {
        return ConverseRequest.builder().modelId(MODEL)
                .system(SystemContentBlock.fromText("You are a weather bot."))
                .messages(Message.builder().role(ConversationRole.USER)
                                .content(ContentBlock.fromText("Weather in Paris?")).build(),
                        Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromToolUse(
                                t -> t.toolUseId("tooluse_1").name("get_weather").input(toolInput))).build(),
                        Message.builder().role(ConversationRole.USER).content(ContentBlock.fromToolResult(r -> r
                                .toolUseId("tooluse_1").content(ToolResultContentBlock.fromText("sunny, 24 C"))))
                                .build())
                .toolConfig(t -> t.tools(Tool.fromToolSpec(s -> s.name("get_weather")
                        .description("Current weather of a city").inputSchema(i -> i.json(toolSchema)))))
                .inferenceConfig(c -> c.maxTokens(300))
                .build();
    }

    private int contentReads() {
        return toolInput.reads.get() + toolSchema.reads.get();
    }

    @Test
    void converseWithContentOffNeverRunsTheContentMapping() {
        stubJson("converse", 200, TOOL_CALL_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.converse(toolRoundTrip());

        assertThat(contentReads()).isZero();
        SpanData span = onlySpan();
        assertNoContent(span);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(300L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(41L);
    }

    @Test
    void converseWithContentOnRecordsTheMappedContent() throws Exception {
        stubJson("converse", 200, TOOL_CALL_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_AND_EVENT).newExecutionInterceptor());

        client.converse(toolRoundTrip());

        assertThat(contentReads()).isPositive();
        SpanData span = onlySpan();
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS))).isEqualTo(JSON.readTree("""
                [{"type":"text","content":"You are a weather bot."}]"""));
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES))).isEqualTo(JSON.readTree("""
                [{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]},
                 {"role":"assistant","parts":[{"type":"tool_call","id":"tooluse_1","name":"get_weather",
                                               "arguments":{"city":"Paris"}}]},
                 {"role":"user","parts":[{"type":"tool_call_response","id":"tooluse_1",
                                          "response":"sunny, 24 C"}]}]"""));
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_TOOL_DEFINITIONS))).isEqualTo(JSON.readTree("""
                [{"type":"function","name":"get_weather"}]"""));
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))).isEqualTo(JSON.readTree("""
                [{"role":"assistant","parts":[{"type":"text","content":"It is sunny."},
                  {"type":"tool_call","id":"tooluse_2","name":"get_forecast",
                   "arguments":{"city":"Paris","days":2}}],
                  "finish_reason":"tool_call"}]"""));
        assertThat(logs.getFinishedLogRecordItems()).singleElement().satisfies(event -> {
            assertThat(event.getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
            assertThat(attributeNames(event)).contains("gen_ai.system_instructions", "gen_ai.input.messages",
                    "gen_ai.output.messages");
        });
    }

    @Test
    void contentIsMappedOnceHoweverManyConsumersRecordIt() {
        stubJson("converse", 200, TOOL_CALL_RESPONSE);
        syncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor()).converse(toolRoundTrip());
        int oneMapping = contentReads();
        toolInput.reads.set(0);
        toolSchema.reads.set(0);
        List<CompletionHook.Completion> completions = new CopyOnWriteArrayList<>();
        GenAiTelemetry everything = genAi(ContentCapture.SPAN_AND_EVENT,
                builder -> builder.addCompletionHook(completions::add));

        syncClient(BedrockTelemetry.builder(everything).build().newExecutionInterceptor()).converse(toolRoundTrip());

        assertThat(completions).singleElement().satisfies(completion -> {
            assertThat(completion.inputMessages()).hasSize(3);
            assertThat(completion.toolDefinitions()).hasSize(1);
        });
        assertThat(spans.getFinishedSpanItems()).hasSize(2);
        assertThat(oneMapping).isPositive();
        assertThat(contentReads()).as("span, event and hook share one mapping").isEqualTo(oneMapping);
    }

    @Test
    void completionHookAloneGetsTheContentWhileNoSignalRecordsIt() {
        stubJson("converse", 200, TOOL_CALL_RESPONSE);
        List<CompletionHook.Completion> completions = new CopyOnWriteArrayList<>();
        GenAiTelemetry hookOnly = genAi(ContentCapture.NO_CONTENT,
                builder -> builder.addCompletionHook(completions::add));
        BedrockRuntimeClient client = syncClient(BedrockTelemetry.builder(hookOnly).build()
                .newExecutionInterceptor());

        client.converse(toolRoundTrip());

        assertNoContent(onlySpan());
        assertThat(completions).hasSize(1);
        CompletionHook.Completion completion = completions.get(0);
        assertThat(completion.systemInstructions()).containsExactly(new MessagePart.Text("You are a weather bot."));
        assertThat(completion.inputMessages()).hasSize(3);
        assertThat(completion.inputMessages().get(1)).isEqualTo(new InputMessage("assistant", List.of(
                new MessagePart.ToolCallRequest("tooluse_1", "get_weather", Map.of("city", "Paris")))));
        assertThat(completion.toolDefinitions()).extracting(ToolDefinition::name).containsExactly("get_weather");
        assertThat(completion.outputMessages()).singleElement().satisfies(output -> {
            assertThat(output.finishReason()).isEqualTo("tool_call");
            assertThat(output.parts()).hasSize(2);
        });
        assertThat(contentReads()).isPositive();
    }

    @Test
    void wrappedAsyncConverseWithContentOffNeverRunsTheContentMapping() {
        stubJson("converse", 200, TOOL_CALL_RESPONSE);
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        client.converse(toolRoundTrip()).join();

        SpanData span = awaitOnlySpan();
        assertThat(contentReads()).isZero();
        assertNoContent(span);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
    }

    @Test
    void converseStreamWithContentOffNeverRunsTheContentMapping() throws Exception {
        stubEventStream("converse-stream", ConverseStreamTest.textStream().build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());
        ConverseRequest request = toolRoundTrip();
        RecordingConverseHandler handler = new RecordingConverseHandler(RecordingConverseHandler.Mode.DRAIN);

        client.converseStream(ConverseStreamRequest.builder().modelId(MODEL).system(request.system())
                .messages(request.messages()).toolConfig(request.toolConfig()).build(), handler)
                .get(10, TimeUnit.SECONDS);

        assertThat(handler.text()).isEqualTo("Hello, world!");
        SpanData span = awaitOnlySpan();
        assertThat(contentReads()).isZero();
        assertNoContent(span);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
    }

    @Test
    void invokeModelBodyOverTheParseBudgetIsLeftUnreadWithContentOff() {
        stubJson("invoke", 200, InvokeModelTest.CLAUDE_RESPONSE,
                Map.of("X-Amzn-Bedrock-Input-Token-Count", "12", "X-Amzn-Bedrock-Output-Token-Count", "3"));
        BedrockTelemetry telemetry = BedrockTelemetry.builder(genAi(ContentCapture.NO_CONTENT))
                .setMaxParsedBodyBytes(64).build();
        BedrockRuntimeClient client = syncClient(telemetry.newExecutionInterceptor());

        client.invokeModel(InvokeModelTest.invoke(InvokeModelTest.CLAUDE, InvokeModelTest.CLAUDE_REQUEST));

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
        assertNoContent(span);
    }

    @Test
    void invokeModelBodyOverTheParseBudgetIsReadWhenContentIsRecorded() throws Exception {
        stubJson("invoke", 200, InvokeModelTest.CLAUDE_RESPONSE);
        BedrockTelemetry telemetry = BedrockTelemetry.builder(genAi(ContentCapture.SPAN_ONLY))
                .setMaxParsedBodyBytes(64).build();
        BedrockRuntimeClient client = syncClient(telemetry.newExecutionInterceptor());

        client.invokeModel(InvokeModelTest.invoke(InvokeModelTest.CLAUDE, InvokeModelTest.CLAUDE_REQUEST));

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(200L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("msg_bdrk_01XyZ");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS))).isEqualTo(JSON.readTree("""
                [{"type":"text","content":"Answer briefly."}]"""));
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES))).isEqualTo(JSON.readTree("""
                [{"role":"user","parts":[{"type":"text","content":"Hi there"}]}]"""));
        assertThat(JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES))).isEqualTo(JSON.readTree("""
                [{"role":"assistant","parts":[{"type":"text","content":"Hello!"}],"finish_reason":"stop"}]"""));
    }

    private void assertNoContent(SpanData span) {
        assertThat(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_TOOL_DEFINITIONS)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
        for (LogRecordData event : logs.getFinishedLogRecordItems()) {
            assertThat(attributeNames(event)).doesNotContain("gen_ai.system_instructions", "gen_ai.input.messages",
                    "gen_ai.tool.definitions", "gen_ai.output.messages");
        }
    }

    private static List<String> attributeNames(LogRecordData event) {
        return event.getAttributes().asMap().keySet().stream().map(AttributeKey::getKey).toList();
    }

    /**
     * A document that counts what reads it: every accessor but {@code accept}, through which the SDK marshals it.
     * It answers as the document it wraps.
     */
    static final class ReadCountingDocument implements Document {
        private static final long serialVersionUID = 1L;
        final transient AtomicInteger reads = new AtomicInteger();
        private final Document document;

        ReadCountingDocument(Document document) {
            this.document = document;
        }

        private Document read() {
            reads.incrementAndGet();
            return document;
        }

        @Override
        public Object unwrap() {
            return read().unwrap();
        }

        @Override
        public boolean isNull() {
            return read().isNull();
        }

        @Override
        public boolean isBoolean() {
            return read().isBoolean();
        }

        @Override
        public boolean asBoolean() {
            return read().asBoolean();
        }

        @Override
        public boolean isString() {
            return read().isString();
        }

        @Override
        public String asString() {
            return read().asString();
        }

        @Override
        public boolean isNumber() {
            return read().isNumber();
        }

        @Override
        public SdkNumber asNumber() {
            return read().asNumber();
        }

        @Override
        public boolean isMap() {
            return read().isMap();
        }

        @Override
        public Map<String, Document> asMap() {
            return read().asMap();
        }

        @Override
        public boolean isList() {
            return read().isList();
        }

        @Override
        public List<Document> asList() {
            return read().asList();
        }

        @Override
        public <R> R accept(DocumentVisitor<? extends R> visitor) {
            return document.accept(visitor);
        }

        @Override
        public void accept(VoidDocumentVisitor visitor) {
            document.accept(visitor);
        }

        @Override
        public String toString() {
            return document.toString();
        }
    }
}
