package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_QUERY_TEXT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRedactionTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ";
    private static final String OPENAI_KEY = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t";
    private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final List<String> SECRETS = List.of(EMAIL, CARD, TOKEN, OPENAI_KEY, AWS_KEY,
            "4111111111111111", "jane.doe");

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

    private final TelemetryFixture fixture = new TelemetryFixture();
    private final List<String> listenerViews = new ArrayList<>();

    @BeforeEach
    void captureWarnings() {
        coreLogger.addHandler(handler);
    }

    @AfterEach
    void releaseWarnings() {
        coreLogger.removeHandler(handler);
    }

    private GenAiTelemetry telemetry(ContentRedactor redactor) {
        return fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .setEmitExceptionEvent(true)
                .addContentRedactor(redactor)
                .addListener(new GenAiListener() {
                    @Override
                    public void onStart(GenAiOperation operation) {
                        listenerViews.add(String.valueOf(operation.request()));
                    }

                    @Override
                    public void onEnd(GenAiOperation operation) {
                        listenerViews.add(String.valueOf(operation.request()));
                        listenerViews.add(String.valueOf(operation.response()));
                    }
                }));
    }

    private static String secretText() {
        return "Mail " + EMAIL + ", card " + CARD + ", header Authorization: Bearer " + TOKEN + ", key " + OPENAI_KEY
                + ", aws " + AWS_KEY + ".";
    }

    private static Map<String, Object> secretMap() {
        return Map.of("to", EMAIL, "nested", List.of(Map.of("card", CARD), "Bearer " + TOKEN), "count", 3);
    }

    private void runEveryKindOfContent(GenAiTelemetry telemetry) {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("You serve " + EMAIL)))
                .inputMessages(List.of(
                        InputMessage.text("user", secretText()),
                        new InputMessage("assistant", List.of(
                                new MessagePart.Reasoning("I must not reveal " + CARD),
                                new MessagePart.ToolCallRequest("call_1", "send_mail", secretMap()),
                                new MessagePart.ToolCallRequest("call_2", "send_mail",
                                        "{\"to\":\"" + EMAIL + "\"}"))),
                        new InputMessage("tool", List.of(
                                new MessagePart.ToolCallResponse("call_1", secretMap()),
                                new MessagePart.Uri(null, "image", "https://files.example/?token=" + OPENAI_KEY),
                                new MessagePart.GenericPart("note", Map.of("text", secretText()))))))
                .build());
        inference.end(InferenceResponse.builder()
                .finishReasons(List.of("stop"))
                .usage(TokenUsage.of(10, 5))
                .outputMessages(List.of(new OutputMessage("assistant", List.of(
                        new MessagePart.Text("Sent to " + EMAIL + " with " + CARD),
                        new MessagePart.ServerToolCall("s1", "code_interpreter",
                                Map.of("type", "code_interpreter", "code", "print('" + AWS_KEY + "')"))),
                        "stop")))
                .build());

        ToolExecution tool = telemetry.startToolExecution(ToolCall.function("send_mail", "call_1", secretMap()));
        tool.end(List.of("delivered to " + EMAIL, Map.of("auth", "Bearer " + TOKEN)));

        Retrieval retrieval = telemetry.startRetrieval(RetrievalRequest.of("chroma", "docs", 3L, secretText()));
        retrieval.end(List.of());
    }

    @Test
    void secretsAppearInNoSpanEventMetricOrListenerView() {
        runEveryKindOfContent(telemetry(PatternRedactor.create()));

        List<String> values = SignalText.everyValue(fixture);
        assertThat(values).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(values).noneMatch(value -> value.contains(secret));
            assertThat(listenerViews).noneMatch(value -> value.contains(secret));
        }
        SpanData chat = fixture.spans.getFinishedSpanItems().get(0);
        assertThat(chat.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS)).contains("You serve [REDACTED:email]");
        assertThat(chat.getAttributes().get(GEN_AI_INPUT_MESSAGES))
                .contains("Mail [REDACTED:email], card [REDACTED:card], header Authorization: "
                        + "[REDACTED:bearer_token], key [REDACTED:api_key], aws [REDACTED:aws_access_key_id].")
                .contains("\"arguments\":{\"to\":\"[REDACTED:email]\"}")
                .contains("\"count\":3");
        assertThat(chat.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("Sent to [REDACTED:email]");
        assertThat(fixture.events()).hasSize(1);
    }

    @Test
    void toolAndRetrievalContentIsRedactedToo() {
        runEveryKindOfContent(telemetry(PatternRedactor.create()));

        SpanData tool = fixture.spans.getFinishedSpanItems().get(1);
        assertThat(tool.getAttributes().get(GEN_AI_TOOL_CALL_ARGUMENTS)).contains("[REDACTED:email]");
        assertThat(tool.getAttributes().get(GEN_AI_TOOL_CALL_RESULT))
                .isEqualTo("[\"delivered to [REDACTED:email]\",{\"auth\":\"[REDACTED:bearer_token]\"}]");
        SpanData retrieval = fixture.spans.getFinishedSpanItems().get(2);
        assertThat(retrieval.getAttributes().get(GEN_AI_RETRIEVAL_QUERY_TEXT)).startsWith("Mail [REDACTED:email]");
    }

    @Test
    void hashingMakesEqualPromptsEqualDigests() {
        GenAiTelemetry telemetry = telemetry(HashingRedactor.create());
        for (String prompt : List.of("hello", "hello", "hello!")) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                    .inputMessages(List.of(InputMessage.text("user", prompt))).build()).end();
        }

        List<String> inputs = fixture.spans.getFinishedSpanItems().stream()
                .map(span -> span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).toList();
        assertThat(inputs.get(0)).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                + "\"sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}]}]");
        assertThat(inputs.get(1)).isEqualTo(inputs.get(0));
        assertThat(inputs.get(2)).isNotEqualTo(inputs.get(0));
    }

    @Test
    void hashingLeavesNoSecretAnywhere() {
        runEveryKindOfContent(telemetry(HashingRedactor.create()));

        List<String> values = SignalText.everyValue(fixture);
        for (String secret : SECRETS) {
            assertThat(values).noneMatch(value -> value.contains(secret));
            assertThat(listenerViews).noneMatch(value -> value.contains(secret));
        }
        SpanData tool = fixture.spans.getFinishedSpanItems().get(1);
        assertThat(tool.getAttributes().get(GEN_AI_TOOL_CALL_ARGUMENTS))
                .contains("\"to\":\"sha256:").contains("\"count\":3");
    }

    @Test
    void aThrowingRedactorDropsThePartAndIsLoggedOnce() {
        AtomicInteger later = new AtomicInteger();
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_AND_EVENT)
                .addContentRedactor((part, context) -> {
                    if (part instanceof MessagePart.Text text && text.content().contains("secret")) {
                        throw new IllegalStateException("broken redactor");
                    }
                    return part;
                })
                .addContentRedactor((part, context) -> {
                    later.incrementAndGet();
                    return part;
                }));

        for (int i = 0; i < 3; i++) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                    .inputMessages(List.of(new InputMessage("user", List.of(
                            new MessagePart.Text("a secret " + EMAIL), new MessagePart.Text("kept")))))
                    .build()).end();
        }

        for (SpanData span : fixture.spans.getFinishedSpanItems()) {
            assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES))
                    .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"kept\"}]}]");
        }
        assertThat(SignalText.everyValue(fixture)).noneMatch(value -> value.contains(EMAIL));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("dropped");
        assertThat(later).hasValue(3);
    }

    @Test
    void aRedactorReturningNullDropsThePart() {
        GenAiTelemetry telemetry = telemetry((part, context) ->
                context.role() != null && context.role().equals("tool") ? null : part);

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", "hi"), InputMessage.text("tool", "private")))
                .build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]},"
                        + "{\"role\":\"tool\",\"parts\":[]}]");
    }

    @Test
    void redactorsSeeWhichAttributeAndRoleThePartBelongsTo() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .addContentRedactor((part, context) -> {
                    seen.add(context.operationName() + " " + context.attribute() + " " + context.role() + " "
                            + part.type());
                    return part;
                }));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("Be brief.")))
                .inputMessages(List.of(InputMessage.text("user", "hi"))).build())
                .end(InferenceResponse.builder().outputMessages(List.of(new OutputMessage("assistant",
                        List.of(new MessagePart.Text("hello")), "stop"))).build());
        telemetry.startToolExecution(ToolCall.function("f", "c1", Map.of("a", 1))).end("done");
        telemetry.startRetrieval(RetrievalRequest.of("chroma", "docs", 1L, "query")).end(List.of());

        assertThat(seen).containsExactly(
                "chat gen_ai.system_instructions null text",
                "chat gen_ai.input.messages user text",
                "chat gen_ai.output.messages assistant text",
                "execute_tool gen_ai.tool.call.arguments null tool_call",
                "execute_tool gen_ai.tool.call.result null tool_call_response",
                "retrieval gen_ai.retrieval.query.text null text");
    }

    @Test
    void withCaptureOffAndNoListenerReadingContentRedactorsNeverRun() {
        AtomicInteger calls = new AtomicInteger();
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .addContentRedactor((part, context) -> {
                    calls.incrementAndGet();
                    return part;
                }));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", secretText()))).build()).end();

        assertThat(calls).hasValue(0);
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void listenersSeeRedactedContentEvenWithCaptureOff() {
        TelemetryFixture quiet = new TelemetryFixture();
        GenAiTelemetry telemetry = quiet.telemetry(builder -> builder
                .addContentRedactor(PatternRedactor.create())
                .addListener(new GenAiListener() {
                    @Override
                    public void onEnd(GenAiOperation operation) {
                        listenerViews.add(String.valueOf(operation.request()));
                        listenerViews.add(String.valueOf(operation.response()));
                    }
                }));

        runEveryKindOfContent(telemetry);

        assertThat(listenerViews).hasSize(6).anyMatch(view -> view.contains("[REDACTED:email]"));
        for (String secret : SECRETS) {
            assertThat(listenerViews).noneMatch(value -> value.contains(secret));
        }
    }

    @Test
    void aRedactorServiceThatCannotBeLoadedDropsAllContent(@TempDir Path directory) throws IOException {
        Path services = Files.createDirectories(directory.resolve("META-INF/services"));
        Files.writeString(services.resolve(ContentRedactor.class.getName()), "com.example.MissingRedactor\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        GenAiTelemetry telemetry;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            telemetry = fixture.builder().setContentCapture(ContentCapture.SPAN_ONLY).build();
        } finally {
            thread.setContextClassLoader(original);
        }

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", secretText()))).build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[]}]");
    }

    @Test
    void toolContentRecordedOnAnotherInstrumentationsSpanGoesThroughTheSameRedactors() {
        GenAiTelemetry telemetry = telemetry(PatternRedactor.create());
        ToolCall call = ToolCall.function("send", null, Map.of("to", EMAIL, "count", 3));

        Object arguments = telemetry.redactToolCallArguments(call);
        Object result = telemetry.redactToolCallResult(call, Map.of("text", "delivered to " + EMAIL));

        assertThat(arguments).isEqualTo(Map.of("to", "[REDACTED:email]", "count", 3));
        assertThat(result).isEqualTo(Map.of("text", "delivered to [REDACTED:email]"));
        assertThat(telemetry.redactToolCallResult(call, null)).isNull();
        GenAiTelemetry dropping = telemetry((part, context) -> null);
        assertThat(dropping.redactToolCallArguments(call)).isNull();
        assertThat(dropping.redactToolCallResult(call, "anything")).isNull();
    }
}
