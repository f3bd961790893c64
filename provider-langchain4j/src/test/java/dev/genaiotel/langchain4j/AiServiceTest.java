package dev.genaiotel.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dev.genaiotel.langchain4j.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_CONTENT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_INDEX;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_KIND;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_STEP_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.langchain4j.internal.AiServiceHooks;
import dev.genaiotel.langchain4j.internal.AiServiceObserver;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AiServiceTest {

    /** The service under test; public, so that LangChain4j can proxy it. */
    public interface Assistant {
        String chat(@MemoryId String conversation, @UserMessage String message);
    }

    /** A real tool, run by LangChain4j when the model asks for it. */
    public static class WeatherTools {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch bothRunning = new CountDownLatch(2);
        volatile boolean waitForEachOther;

        @Tool("Weather for a city")
        public String weather(@P(name = "city", value = "The city") String city) throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            if (waitForEachOther) {
                bothRunning.countDown();
                bothRunning.await(5, TimeUnit.SECONDS);
            }
            Thread.sleep(20);
            return "rainy in " + city;
        }
    }

    private static final String TWO_TOOL_CALLS = """
            {"id":"chatcmpl-tool3","object":"chat.completion","created":1741569953,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":null,\
            "tool_calls":[{"id":"call_paris","type":"function","function":{"name":"weather",\
            "arguments":"{\\"city\\":\\"Paris\\"}"}},{"id":"call_rome","type":"function","function":\
            {"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}],"refusal":null,"annotations":[]},\
            "logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":60,"completion_tokens":30,\
            "total_tokens":90}}""";

    /** A reasoning model behind an OpenAI-compatible API (DeepSeek, Qwen) thinks, then calls the tool. */
    private static final String THINKING_TOOL_CALL = """
            {"id":"chatcmpl-think1","object":"chat.completion","created":1741569953,"model":"deepseek-reasoner",\
            "choices":[{"index":0,"message":{"role":"assistant","content":"",\
            "reasoning_content":"The user wants the weather in Paris; the weather tool answers that.",\
            "tool_calls":[{"id":"call_0_paris","type":"function","function":{"name":"weather",\
            "arguments":"{\\"city\\":\\"Paris\\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],\
            "usage":{"prompt_tokens":60,"completion_tokens":42,"total_tokens":102,\
            "completion_tokens_details":{"reasoning_tokens":27}}}""";

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private void stubToolRoundTrip(String toolCallResponse) {
        openAi.server.stubFor(openAi.chatPost().atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(toolCallResponse)));
        openAi.server.stubFor(openAi.chatPost().atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStub.AFTER_TOOL_COMPLETION)));
    }

    private AiServices<Assistant> service(LangChain4jTelemetry langChain4j, WeatherTools tools) {
        return service(langChain4j, tools, false);
    }

    private AiServices<Assistant> service(LangChain4jTelemetry langChain4j, WeatherTools tools,
            boolean returnThinking) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .returnThinking(returnThinking)
                .listeners(List.of(langChain4j.chatModelListener()))
                .build();
        return langChain4j.instrument(AiServices.builder(Assistant.class))
                .chatModel(model)
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
                .tools(tools);
    }

    private static List<SpanData> withOperation(List<SpanData> spans, String operation) {
        return spans.stream().filter(span -> operation.equals(attribute(span, GEN_AI_OPERATION_NAME))).toList();
    }

    @Test
    void toolCallingServiceRecordsOneAgentSpanWithTwoInferencesAndOneToolExecutionInside() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        Assistant assistant = service(telemetry.langChain4j(), new WeatherTools()).build();

        String answer = assistant.chat("conv-42", "What is the weather in Paris?");

        assertThat(answer).isEqualTo("It is rainy in Paris.");
        List<SpanData> spans = telemetry.awaitSpans(4);
        SpanData agent = withOperation(spans, "invoke_agent").get(0);
        assertThat(agent.getName()).isEqualTo("invoke_agent Assistant");
        assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(attribute(agent, GEN_AI_AGENT_NAME)).isEqualTo("Assistant");
        assertThat(attribute(agent, GEN_AI_CONVERSATION_ID)).isEqualTo("conv-42");
        List<SpanData> inferences = withOperation(spans, "chat");
        assertThat(inferences).hasSize(2).allSatisfy(inference -> {
            assertThat(inference.getParentSpanId()).isEqualTo(agent.getSpanId());
            assertThat(inference.getTraceId()).isEqualTo(agent.getTraceId());
        });
        SpanData tool = withOperation(spans, "execute_tool").get(0);
        assertThat(tool.getName()).isEqualTo("execute_tool weather");
        assertThat(tool.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(tool.getParentSpanId()).isEqualTo(agent.getSpanId());
        assertThat(attribute(tool, GEN_AI_TOOL_NAME)).isEqualTo("weather");
        assertThat(attribute(tool, GEN_AI_TOOL_CALL_ID)).isEqualTo("call_VSPygqKTWdrhaFErNvMV18Yl");
        assertThat(attribute(tool, GEN_AI_TOOL_CALL_ARGUMENTS)).isNull();
        assertThat(tool.getEndEpochNanos() - tool.getStartEpochNanos()).isGreaterThanOrEqualTo(20_000_000L);
    }

    @Test
    void toolArgumentsAndResultAreRecordedOnlyWithContentCapture() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        Assistant assistant = service(telemetry.langChain4j(ContentCapture.SPAN_ONLY), new WeatherTools()).build();

        assistant.chat("conv-42", "What is the weather in Paris?");

        SpanData tool = withOperation(telemetry.awaitSpans(4), "execute_tool").get(0);
        assertThat(attribute(tool, GEN_AI_TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(attribute(tool, GEN_AI_TOOL_CALL_RESULT)).contains("rainy in Paris");
    }

    @Test
    void agentSpanCarriesTheServicesMessagesOnlyWithContentCapture() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        Assistant captured = service(telemetry.langChain4j(ContentCapture.SPAN_ONLY), new WeatherTools()).build();
        Assistant uncaptured = service(telemetry.langChain4j(), new WeatherTools()).build();

        captured.chat("conv-1", "What is the weather in Paris?");
        uncaptured.chat("conv-2", "What is the weather in Paris?");

        List<SpanData> agents = withOperation(telemetry.awaitSpans(8), "invoke_agent");
        SpanData on = agents.stream().filter(span -> "conv-1".equals(attribute(span, GEN_AI_CONVERSATION_ID)))
                .findFirst().orElseThrow();
        SpanData off = agents.stream().filter(span -> "conv-2".equals(attribute(span, GEN_AI_CONVERSATION_ID)))
                .findFirst().orElseThrow();
        assertThat(attribute(on, GEN_AI_INPUT_MESSAGES)).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":"
                + "\"text\",\"content\":\"What is the weather in Paris?\"}]}]");
        assertThat(attribute(on, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":"
                + "\"text\",\"content\":\"It is rainy in Paris.\"}],\"finish_reason\":\"stop\"}]");
        assertThat(attribute(off, GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attribute(off, GEN_AI_OUTPUT_MESSAGES)).isNull();
        SpanData uncapturedTool = withOperation(telemetry.awaitSpans(8), "execute_tool").stream()
                .filter(span -> span.getParentSpanId().equals(off.getSpanId())).findFirst().orElseThrow();
        assertThat(attribute(uncapturedTool, GEN_AI_TOOL_CALL_ARGUMENTS)).isNull();
        assertThat(attribute(uncapturedTool, GEN_AI_TOOL_CALL_RESULT)).isNull();
    }

    @Test
    void concurrentToolExecutionsEachGetTheirOwnSpanUnderTheAgent() {
        stubToolRoundTrip(TWO_TOOL_CALLS);
        WeatherTools tools = new WeatherTools();
        tools.waitForEachOther = true;
        Assistant assistant = service(telemetry.langChain4j(), tools).executeToolsConcurrently().build();

        assistant.chat("conv-7", "Weather in Paris and Rome?");

        List<SpanData> spans = telemetry.awaitSpans(5);
        SpanData agent = withOperation(spans, "invoke_agent").get(0);
        List<SpanData> toolSpans = withOperation(spans, "execute_tool");
        assertThat(toolSpans).extracting(span -> attribute(span, GEN_AI_TOOL_CALL_ID))
                .containsExactlyInAnyOrder("call_paris", "call_rome");
        assertThat(toolSpans).allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(agent.getSpanId()));
        assertThat(tools.threads).hasSize(2);
        SpanData first = toolSpans.get(0);
        SpanData second = toolSpans.get(1);
        assertThat(first.getStartEpochNanos()).isLessThan(second.getEndEpochNanos());
        assertThat(second.getStartEpochNanos()).isLessThan(first.getEndEpochNanos());
    }

    @Test
    void theToolDecisionAndTheToolResultAreAnActionAndAnObservationStepOnTheAgentSpan() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        Assistant assistant = service(telemetry.langChain4j(), new WeatherTools()).build();

        assistant.chat("conv-42", "What is the weather in Paris?");

        List<SpanData> spans = telemetry.awaitSpans(4);
        assertThat(withOperation(spans, "execute_tool")).hasSize(1);
        SpanData agent = withOperation(spans, "invoke_agent").get(0);
        assertThat(agent.getEvents()).extracting(EventData::getName).containsOnly("gen_ai.agent.step");
        assertThat(agent.getEvents()).extracting(EventData::getAttributes).containsExactly(
                Attributes.builder().put(GEN_AI_AGENT_STEP_KIND, "action").put(GEN_AI_AGENT_STEP_NAME, "weather")
                        .put(GEN_AI_AGENT_NAME, "Assistant").put(GEN_AI_AGENT_STEP_INDEX, 0L).build(),
                Attributes.builder().put(GEN_AI_AGENT_STEP_KIND, "observation").put(GEN_AI_AGENT_STEP_NAME, "weather")
                        .put(GEN_AI_AGENT_NAME, "Assistant").put(GEN_AI_AGENT_STEP_INDEX, 1L).build());
    }

    @Test
    void withContentCaptureTheStepsCarryTheToolArgumentsAndResult() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        Assistant assistant = service(telemetry.langChain4j(ContentCapture.SPAN_ONLY), new WeatherTools()).build();

        assistant.chat("conv-42", "What is the weather in Paris?");

        SpanData agent = withOperation(telemetry.awaitSpans(4), "invoke_agent").get(0);
        assertThat(agent.getEvents()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_KIND),
                event -> event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT))
                .containsExactly(tuple("action", "{\"city\":\"Paris\"}"), tuple("observation", "rainy in Paris"));
    }

    @Test
    void theModelsThinkingIsAThoughtBeforeItsAction() {
        stubToolRoundTrip(THINKING_TOOL_CALL);
        Assistant assistant = service(telemetry.langChain4j(ContentCapture.SPAN_AND_EVENT), new WeatherTools(), true)
                .build();

        assistant.chat("conv-9", "What is the weather in Paris?");

        SpanData agent = withOperation(telemetry.awaitSpans(4), "invoke_agent").get(0);
        assertThat(agent.getEvents()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_KIND),
                event -> event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT)).containsExactly(
                        tuple("thought", "The user wants the weather in Paris; the weather tool answers that."),
                        tuple("action", "{\"city\":\"Paris\"}"),
                        tuple("observation", "rainy in Paris"));
    }

    @Test
    void concurrentToolExecutionsAreTwoActionsThenTwoObservations() {
        stubToolRoundTrip(TWO_TOOL_CALLS);
        WeatherTools tools = new WeatherTools();
        tools.waitForEachOther = true;
        Assistant assistant = service(telemetry.langChain4j(ContentCapture.SPAN_ONLY), tools)
                .executeToolsConcurrently().build();

        assistant.chat("conv-7", "Weather in Paris and Rome?");

        SpanData agent = withOperation(telemetry.awaitSpans(5), "invoke_agent").get(0);
        assertThat(agent.getEvents()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_KIND))
                .containsExactly("action", "action", "observation", "observation");
        assertThat(agent.getEvents()).extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_INDEX))
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(agent.getEvents().subList(2, 4))
                .extracting(event -> event.getAttributes().get(GEN_AI_AGENT_STEP_CONTENT))
                .containsExactlyInAnyOrder("rainy in Paris", "rainy in Rome");
    }

    @Test
    void hooksTheBuilderAlreadyHadStillRunTheAfterHookOnceTheToolSpanHasEnded() {
        stubToolRoundTrip(OpenAiStub.TOOL_CALL_COMPLETION);
        LangChain4jTelemetry langChain4j = telemetry.langChain4j();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").maxRetries(0).build();
        Assistant assistant = AiServiceHooks.attach(AiServices.builder(Assistant.class),
                        new AiServiceObserver(langChain4j.genAiTelemetry()),
                        before -> seen.add("before " + before.request().name()),
                        after -> seen.add("after " + after.request().name() + " tool spans ended: "
                                + withOperation(telemetry.spans.getFinishedSpanItems(), "execute_tool").size()))
                .chatModel(model)
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
                .tools(new WeatherTools())
                .build();

        assistant.chat("conv-9", "What is the weather in Paris?");

        assertThat(seen).containsExactly("before weather", "after weather tool spans ended: 1");
        List<SpanData> spans = telemetry.awaitSpans(2);
        assertThat(withOperation(spans, "execute_tool")).singleElement()
                .satisfies(tool -> assertThat(tool.getParentSpanId()).isEqualTo(
                        withOperation(spans, "invoke_agent").get(0).getSpanId()));
    }
}
