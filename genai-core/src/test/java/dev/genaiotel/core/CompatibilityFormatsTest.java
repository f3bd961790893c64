package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityFormatsTest {

    private static final String SYSTEM = "You are a weather bot.";
    private static final String QUESTION = "Weather in Paris?";
    private static final String ARGUMENTS = "{\"city\":\"Paris\"}";
    private static final String RESULT = "rainy, 57F in Paris";
    private static final String ANSWER = "It is rainy in Paris.";
    private static final String PARAMETERS =
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";
    private static final Set<String> LEGACY_EVENTS = Set.of("gen_ai.system.message", "gen_ai.user.message",
            "gen_ai.assistant.message", "gen_ai.tool.message", "gen_ai.choice");

    private final TelemetryFixture fixture = new TelemetryFixture();
    private final List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Logger coreLogger = Logger.getLogger("dev.genaiotel.core");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureWarnings() {
        coreLogger.addHandler(handler);
    }

    @AfterEach
    void releaseWarnings() {
        coreLogger.removeHandler(handler);
    }

    private GenAiTelemetry telemetry(ContentCapture capture, Consumer<GenAiTelemetryBuilder> more) {
        return fixture.telemetry(builder -> {
            builder.setContentCapture(capture).setToolDefinitionDetails(true);
            more.accept(builder);
        });
    }

    private GenAiTelemetry telemetry(ContentCapture capture, CompatibilityFormat... formats) {
        return telemetry(capture, builder -> builder.setCompatibilityFormats(formats));
    }

    /**
     * A tool-call round trip as two inferences: the model asks for the tool, then answers from its result. The
     * second carries the whole history. Bedrock returns tool results in a user message, OpenAI in a tool message.
     */
    private List<SpanData> roundTrip(GenAiTelemetry telemetry, String provider) {
        boolean bedrock = ProviderName.AWS_BEDROCK.equals(provider);
        List<FunctionToolDefinition> tools =
                List.of(new FunctionToolDefinition("get_weather", "Gets the weather of a city", PARAMETERS));
        Attributes attributes = bedrock ? Attributes.empty()
                : Attributes.of(CompatibilityFormat.OPENAI_REQUEST_USER, "user-42");
        InputMessage question = InputMessage.text("user", QUESTION);
        MessagePart.ToolCallRequest call = new MessagePart.ToolCallRequest("call_1", "get_weather", ARGUMENTS);

        Inference first = telemetry.startInference(InferenceRequest.chat(provider, "model-1")
                .systemInstructions(List.of(new MessagePart.Text(SYSTEM)))
                .inputMessages(List.of(question))
                .toolDefinitions(List.copyOf(tools))
                .attributes(attributes)
                .build());
        first.end(InferenceResponse.builder()
                .finishReasons(List.of(FinishReason.TOOL_CALL))
                .outputMessages(List.of(new OutputMessage("assistant", List.of(call), null, FinishReason.TOOL_CALL)))
                .build());

        Inference second = telemetry.startInference(InferenceRequest.chat(provider, "model-1")
                .systemInstructions(List.of(new MessagePart.Text(SYSTEM)))
                .inputMessages(List.of(question,
                        new InputMessage("assistant", List.of(call), null),
                        new InputMessage(bedrock ? "user" : "tool",
                                List.of(new MessagePart.ToolCallResponse("call_1", RESULT)), null)))
                .toolDefinitions(List.copyOf(tools))
                .attributes(attributes)
                .build());
        second.end(InferenceResponse.builder()
                .finishReasons(List.of(FinishReason.STOP))
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text(ANSWER)), null,
                        FinishReason.STOP)))
                .build());
        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        return spans;
    }

    /** The flattened attributes of a span, as strings, sorted by key. */
    private static Map<String, String> flattened(SpanData span) {
        Map<String, String> result = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> {
            String name = key.getKey();
            if (name.startsWith("gen_ai.prompt.") || name.startsWith("gen_ai.completion.")
                    || name.startsWith("gen_ai.openai.") || name.startsWith("gen_ai.bedrock.")) {
                result.put(name, String.valueOf(value));
            }
        });
        return result;
    }

    @Test
    void flattenedSchemeForOpenAiToolCallRoundTrip() {
        List<SpanData> spans = roundTrip(
                telemetry(ContentCapture.SPAN_ONLY, CompatibilityFormat.FLATTENED_ATTRIBUTES), ProviderName.OPENAI);

        Map<String, String> tools = Map.of(
                "gen_ai.openai.request.tools.0.type", "function",
                "gen_ai.openai.request.tools.0.function.name", "get_weather",
                "gen_ai.openai.request.tools.0.function.description", "Gets the weather of a city",
                "gen_ai.openai.request.tools.0.function.parameters", PARAMETERS,
                "gen_ai.openai.request.user", "user-42");
        Map<String, String> first = new TreeMap<>(tools);
        first.putAll(Map.of(
                "gen_ai.prompt.0.role", "system",
                "gen_ai.prompt.0.content", SYSTEM,
                "gen_ai.prompt.1.role", "user",
                "gen_ai.prompt.1.content", QUESTION,
                "gen_ai.completion.0.role", "assistant",
                "gen_ai.completion.0.finish_reason", "tool_calls",
                "gen_ai.completion.0.tool_calls.0.id", "call_1",
                "gen_ai.completion.0.tool_calls.0.type", "function",
                "gen_ai.completion.0.tool_calls.0.function.name", "get_weather",
                "gen_ai.completion.0.tool_calls.0.function.arguments", ARGUMENTS));
        assertThat(flattened(spans.get(0))).isEqualTo(first);

        Map<String, String> second = new TreeMap<>(tools);
        second.putAll(Map.of(
                "gen_ai.prompt.0.role", "system",
                "gen_ai.prompt.0.content", SYSTEM,
                "gen_ai.prompt.1.role", "user",
                "gen_ai.prompt.1.content", QUESTION,
                "gen_ai.prompt.2.role", "assistant",
                "gen_ai.prompt.2.tool_calls.0.id", "call_1",
                "gen_ai.prompt.2.tool_calls.0.type", "function",
                "gen_ai.prompt.2.tool_calls.0.function.name", "get_weather",
                "gen_ai.prompt.2.tool_calls.0.function.arguments", ARGUMENTS));
        second.putAll(Map.of(
                "gen_ai.prompt.3.role", "tool",
                "gen_ai.prompt.3.tool_call_id", "call_1",
                "gen_ai.prompt.3.content", RESULT,
                "gen_ai.completion.0.role", "assistant",
                "gen_ai.completion.0.finish_reason", "stop",
                "gen_ai.completion.0.content", ANSWER));
        assertThat(flattened(spans.get(1))).isEqualTo(second);
    }

    @Test
    void flattenedSchemeForBedrockToolCallRoundTripUsesTheBedrockToolPrefix() {
        List<SpanData> spans = roundTrip(
                telemetry(ContentCapture.SPAN_ONLY, CompatibilityFormat.FLATTENED_ATTRIBUTES),
                ProviderName.AWS_BEDROCK);

        Map<String, String> tools = Map.of(
                "gen_ai.bedrock.request.tools.0.function.name", "get_weather",
                "gen_ai.bedrock.request.tools.0.function.description", "Gets the weather of a city",
                "gen_ai.bedrock.request.tools.0.function.parameters", PARAMETERS);
        Map<String, String> first = new TreeMap<>(tools);
        first.putAll(Map.of(
                "gen_ai.prompt.0.role", "system",
                "gen_ai.prompt.0.content", SYSTEM,
                "gen_ai.prompt.1.role", "user",
                "gen_ai.prompt.1.content", QUESTION,
                "gen_ai.completion.0.role", "assistant",
                "gen_ai.completion.0.finish_reason", "tool_calls",
                "gen_ai.completion.0.tool_calls.0.id", "call_1",
                "gen_ai.completion.0.tool_calls.0.type", "function",
                "gen_ai.completion.0.tool_calls.0.function.name", "get_weather",
                "gen_ai.completion.0.tool_calls.0.function.arguments", ARGUMENTS));
        assertThat(flattened(spans.get(0))).isEqualTo(first);

        Map<String, String> second = new TreeMap<>(tools);
        second.putAll(Map.of(
                "gen_ai.prompt.0.role", "system",
                "gen_ai.prompt.0.content", SYSTEM,
                "gen_ai.prompt.1.role", "user",
                "gen_ai.prompt.1.content", QUESTION,
                "gen_ai.prompt.2.role", "assistant",
                "gen_ai.prompt.2.tool_calls.0.id", "call_1",
                "gen_ai.prompt.2.tool_calls.0.type", "function",
                "gen_ai.prompt.2.tool_calls.0.function.name", "get_weather",
                "gen_ai.prompt.2.tool_calls.0.function.arguments", ARGUMENTS));
        second.putAll(Map.of(
                "gen_ai.prompt.3.role", "user",
                "gen_ai.prompt.3.tool_call_id", "call_1",
                "gen_ai.prompt.3.content", RESULT,
                "gen_ai.completion.0.role", "assistant",
                "gen_ai.completion.0.finish_reason", "stop",
                "gen_ai.completion.0.content", ANSWER));
        assertThat(flattened(spans.get(1))).isEqualTo(second);
    }

    @Test
    void flattenedBedrockAgentCarriesItsAliasId() {
        GenAiTelemetry telemetry = telemetry(ContentCapture.SPAN_ONLY, CompatibilityFormat.FLATTENED_ATTRIBUTES);
        AgentRequest request = new AgentRequest(true, ProviderName.AWS_BEDROCK, "weather-agent", "AGENT1", null,
                null, null, null, null, null, null, null, List.of(InputMessage.text("user", QUESTION)), null,
                Attributes.of(CompatibilityFormat.BEDROCK_AGENT_ALIAS_ID, "ALIAS7"), null);
        telemetry.startAgentInvocation(request).end(InferenceResponse.builder()
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text(ANSWER)), null,
                        FinishReason.STOP)))
                .build());

        assertThat(flattened(fixture.onlySpan())).containsOnly(
                entry("gen_ai.bedrock.agent_alias.id", "ALIAS7"),
                entry("gen_ai.prompt.0.role", "user"),
                entry("gen_ai.prompt.0.content", QUESTION),
                entry("gen_ai.completion.0.role", "assistant"),
                entry("gen_ai.completion.0.finish_reason", "stop"),
                entry("gen_ai.completion.0.content", ANSWER));
    }

    @Test
    void flattenedContentIsAbsentWithCaptureOffButTheStructureRemains() {
        List<SpanData> spans = roundTrip(
                telemetry(ContentCapture.NO_CONTENT, CompatibilityFormat.FLATTENED_ATTRIBUTES), ProviderName.OPENAI);

        assertThat(flattened(spans.get(1))).isEqualTo(new TreeMap<>(Map.ofEntries(
                entry("gen_ai.openai.request.tools.0.type", "function"),
                entry("gen_ai.openai.request.tools.0.function.name", "get_weather"),
                entry("gen_ai.openai.request.user", "user-42"),
                entry("gen_ai.prompt.0.role", "system"),
                entry("gen_ai.prompt.1.role", "user"),
                entry("gen_ai.prompt.2.role", "assistant"),
                entry("gen_ai.prompt.2.tool_calls.0.id", "call_1"),
                entry("gen_ai.prompt.2.tool_calls.0.type", "function"),
                entry("gen_ai.prompt.2.tool_calls.0.function.name", "get_weather"),
                entry("gen_ai.prompt.3.role", "tool"),
                entry("gen_ai.prompt.3.tool_call_id", "call_1"),
                entry("gen_ai.completion.0.role", "assistant"),
                entry("gen_ai.completion.0.finish_reason", "stop"))));
        for (SpanData span : spans) {
            assertThat(flattened(span).toString()).doesNotContain("Paris", "weather bot", "Gets the weather");
        }
    }

    @Test
    void flattenedContentIsAbsentWhenContentGoesOnlyToEvents() {
        List<SpanData> spans = roundTrip(
                telemetry(ContentCapture.EVENT_ONLY, CompatibilityFormat.FLATTENED_ATTRIBUTES), ProviderName.OPENAI);

        assertThat(flattened(spans.get(1))).doesNotContainKeys("gen_ai.prompt.0.content", "gen_ai.prompt.3.content",
                "gen_ai.completion.0.content", "gen_ai.prompt.2.tool_calls.0.function.arguments",
                "gen_ai.openai.request.tools.0.function.parameters");
        assertThat(flattened(spans.get(1)).toString()).doesNotContain("Paris");
    }

    @Test
    void flattenedContentIsRedactedWhenARedactorIsSet() {
        ContentRedactor hideCity = (part, context) -> {
            if (part instanceof MessagePart.Text text) {
                return new MessagePart.Text(text.content().replace("Paris", "[city]"));
            }
            if (part instanceof MessagePart.ToolCallRequest call) {
                return new MessagePart.ToolCallRequest(call.id(), call.name(), Map.of("city", "[city]"));
            }
            if (part instanceof MessagePart.ToolCallResponse response) {
                return new MessagePart.ToolCallResponse(response.id(),
                        String.valueOf(response.response()).replace("Paris", "[city]"));
            }
            return part;
        };
        List<SpanData> spans = roundTrip(telemetry(ContentCapture.SPAN_ONLY, builder -> builder
                .setCompatibilityFormats(CompatibilityFormat.FLATTENED_ATTRIBUTES)
                .addContentRedactor(hideCity)), ProviderName.OPENAI);

        Map<String, String> second = flattened(spans.get(1));
        assertThat(second).contains(
                entry("gen_ai.prompt.1.content", "Weather in [city]?"),
                entry("gen_ai.prompt.2.tool_calls.0.function.arguments", "{\"city\":\"[city]\"}"),
                entry("gen_ai.prompt.3.content", "rainy, 57F in [city]"),
                entry("gen_ai.completion.0.content", "It is rainy in [city]."));
        for (SpanData span : spans) {
            assertThat(flattened(span).toString()).doesNotContain("Paris");
        }
    }

    @Test
    void flattenedContentObeysThePartBudget() {
        List<SpanData> spans = roundTrip(telemetry(ContentCapture.SPAN_ONLY, builder -> builder
                .setCompatibilityFormats(CompatibilityFormat.FLATTENED_ATTRIBUTES)
                .setMaxPartChars(5)), ProviderName.OPENAI);

        assertThat(flattened(spans.get(1))).contains(
                entry("gen_ai.prompt.1.content", "Weath\u2026[truncated 12 chars]"),
                entry("gen_ai.completion.0.content", "It is\u2026[truncated 16 chars]"));
    }

    @Test
    void legacyEventsForTheRoundTripCarryMapBodiesAndTheSystem() {
        List<SpanData> spans = roundTrip(
                telemetry(ContentCapture.SPAN_AND_EVENT, CompatibilityFormat.LEGACY_EVENTS), ProviderName.OPENAI);

        List<LogRecordData> events = legacyEvents();
        Map<String, Object> toolCall = Map.of("id", "call_1", "type", "function",
                "function", Map.of("name", "get_weather", "arguments", ARGUMENTS));
        assertThat(events).extracting(LogRecordData::getEventName).containsExactly(
                "gen_ai.system.message", "gen_ai.user.message", "gen_ai.choice",
                "gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message", "gen_ai.tool.message",
                "gen_ai.choice");
        assertThat(events).extracting(CompatibilityFormatsTest::body).containsExactly(
                Map.of("content", SYSTEM),
                Map.of("content", QUESTION),
                Map.of("index", 0L, "finish_reason", "tool_calls", "message", Map.of(),
                        "tool_calls", List.of(toolCall)),
                Map.of("content", SYSTEM),
                Map.of("content", QUESTION),
                Map.of("tool_calls", List.of(toolCall)),
                Map.of("content", RESULT, "id", "call_1"),
                Map.of("index", 0L, "finish_reason", "stop", "message", Map.of("content", ANSWER)));
        for (int i = 0; i < events.size(); i++) {
            LogRecordData event = events.get(i);
            assertThat(event.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("openai");
            assertThat(event.getSpanContext()).isEqualTo(spans.get(i < 3 ? 0 : 1).getSpanContext());
        }
    }

    @Test
    void legacyEventsWithoutEventContentKeepOnlyTheStructure() {
        roundTrip(telemetry(ContentCapture.SPAN_ONLY, CompatibilityFormat.LEGACY_EVENTS), ProviderName.AWS_BEDROCK);

        List<LogRecordData> events = legacyEvents();
        Map<String, Object> toolCall = Map.of("id", "call_1", "type", "function",
                "function", Map.of("name", "get_weather"));
        assertThat(events).extracting(CompatibilityFormatsTest::body).containsExactly(
                Map.of(),
                Map.of(),
                Map.of("index", 0L, "finish_reason", "tool_calls", "message", Map.of(),
                        "tool_calls", List.of(toolCall)),
                Map.of(),
                Map.of(),
                Map.of("tool_calls", List.of(toolCall)),
                Map.of("role", "user", "id", "call_1"),
                Map.of("index", 0L, "finish_reason", "stop", "message", Map.of()));
        assertThat(events).allSatisfy(event -> assertThat(
                event.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("aws.bedrock"));
    }

    @Test
    void legacyChoiceReportsAnErrorWhenTheInferenceFailedBeforeContent() {
        GenAiTelemetry telemetry = telemetry(ContentCapture.SPAN_AND_EVENT, CompatibilityFormat.LEGACY_EVENTS);
        telemetry.startInference(InferenceRequest.chat(ProviderName.OPENAI, "model-1")
                .inputMessages(List.of(InputMessage.text("user", QUESTION))).build())
                .fail(new IllegalStateException("boom"));

        assertThat(legacyEvents()).extracting(CompatibilityFormatsTest::body).containsExactly(
                Map.of("content", QUESTION),
                Map.of("index", 0L, "finish_reason", "error", "message", Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "azure.ai.inference, az.ai.inference",
        "azure.ai.openai, az.ai.openai",
        "x_ai, xai",
        "gcp.vertex_ai, vertex_ai",
        "gcp.gemini, gemini",
        "openai, openai",
        "aws.bedrock, aws.bedrock",
        "ollama, ollama"
    })
    void legacySystemAttributeUsesTheOldValues(String provider, String system) {
        GenAiTelemetry telemetry = telemetry(ContentCapture.NO_CONTENT, CompatibilityFormat.LEGACY_SYSTEM_ATTRIBUTE);
        telemetry.startInference(InferenceRequest.chat(provider, "model-1").build()).end();

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo(system);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo(provider);
    }

    @Test
    void defaultRecordsNoneOfTheCompatibilityFormats() {
        List<SpanData> spans = roundTrip(telemetry(ContentCapture.SPAN_AND_EVENT, builder -> {}),
                ProviderName.OPENAI);

        for (SpanData span : spans) {
            assertThat(flattened(span)).isEmpty();
            assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isNull();
        }
        assertThat(legacyEvents()).isEmpty();
        assertThat(fixture.events()).isNotEmpty();
    }

    @Test
    void severalFormatsAreReadFromTheEnvironmentInAnyCaseAndUnknownNamesWarnOnce() {
        GenAiTelemetry telemetry = fixture.builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_COMPATIBILITY_FORMATS",
                        " Flattened_Attributes,LEGACY_SYSTEM,bogus"))
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .build();
        roundTrip(telemetry, ProviderName.GCP_GEMINI);

        SpanData span = fixture.spans.getFinishedSpanItems().get(1);
        assertThat(flattened(span)).containsEntry("gen_ai.completion.0.content", ANSWER);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("gemini");
        assertThat(legacyEvents()).isEmpty();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("compatibility format");
        assertThat(warnings.get(0).getParameters()[0].toString()).contains("bogus");
    }

    @Test
    void codeWinsOverTheSystemProperty() {
        GenAiTelemetry telemetry = fixture.builder(
                        Map.of("otel.instrumentation.genai.compatibility-formats", "legacy_events"), Map.of())
                .setCompatibilityFormats(Set.of())
                .build();
        roundTrip(telemetry, ProviderName.OPENAI);

        assertThat(legacyEvents()).isEmpty();
    }

    private List<LogRecordData> legacyEvents() {
        List<LogRecordData> result = new ArrayList<>();
        for (LogRecordData event : fixture.events()) {
            if (LEGACY_EVENTS.contains(event.getEventName())) {
                result.add(event);
            }
        }
        return result;
    }

    private static Object body(LogRecordData event) {
        return plain(event.getBodyValue());
    }

    /** A body as maps, lists, strings and numbers, so that it compares regardless of field order. */
    private static Object plain(Value<?> value) {
        switch (value.getType()) {
            case KEY_VALUE_LIST: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object field : (List<?>) value.getValue()) {
                    KeyValue keyValue = (KeyValue) field;
                    map.put(keyValue.getKey(), plain(keyValue.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) value.getValue()) {
                    list.add(plain((Value<?>) element));
                }
                return list;
            }
            default:
                return value.getValue();
        }
    }
}
