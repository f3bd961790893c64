package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ARGUMENTS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<AttributeKey<String>> CONTENT_KEYS = List.of(GEN_AI_SYSTEM_INSTRUCTIONS,
            GEN_AI_INPUT_MESSAGES, GEN_AI_TOOL_DEFINITIONS, GEN_AI_OUTPUT_MESSAGES);
    private static final int FIVE_MB = 5 * 1024 * 1024;

    private final TelemetryFixture fixture = new TelemetryFixture();

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + json.substring(0, Math.min(200, json.length())), e);
        }
    }

    private static int contentLength(SpanData span) {
        int total = 0;
        for (AttributeKey<String> key : CONTENT_KEYS) {
            String value = span.getAttributes().get(key);
            if (value != null) {
                parse(value);
                total += value.length();
            }
        }
        return total;
    }

    private static InferenceResponse answer() {
        return InferenceResponse.builder()
                .finishReasons(List.of("stop"))
                .usage(TokenUsage.of(1_300_000, 12))
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text("Short.")),
                        "stop")))
                .build();
    }

    @Test
    void aFiveMegabytePromptStaysWithinTheBudgetAsValidJson() {
        GenAiTelemetry telemetry =
                fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_AND_EVENT));
        String prompt = "x".repeat(FIVE_MB);

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("Summarise.")))
                .inputMessages(List.of(InputMessage.text("user", prompt)))
                .toolDefinitions(List.of(new FunctionToolDefinition("search", "Searches", null)))
                .build()).end(answer());

        SpanData span = fixture.onlySpan();
        assertThat(contentLength(span)).isLessThanOrEqualTo(GenAiSettings.DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS);
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
        assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1_300_000L);
        assertThat(span.getAttributes().get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(12L);
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        String text = parse(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).get(0).get("parts").get(0)
                .get("content").asText();
        int kept = GenAiSettings.DEFAULT_MAX_PART_CHARS;
        assertThat(text).isEqualTo("x".repeat(kept) + "\u2026[truncated " + (FIVE_MB - kept) + " chars]");
        assertThat(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS)).contains("Summarise.");
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("Short.");

        LogRecordData event = fixture.events().get(0);
        assertThat(event.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
        assertThat(event.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1_300_000L);
        Value<?> input = event.getAttributes().get(AttributeKey.valueKey(GEN_AI_INPUT_MESSAGES.getKey()));
        assertThat(input.asString().length()).isLessThan(GenAiSettings.DEFAULT_MAX_CONTENT_ATTRIBUTES_CHARS);
    }

    @Test
    void manyLargeMessagesAreCutShorterThenTheOldestLeftOut() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxContentAttributesChars(20_000));
        List<InputMessage> history = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            history.add(InputMessage.text(i % 2 == 0 ? "user" : "assistant", "message " + i + " " + "y".repeat(5000)));
        }

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("Be brief.")))
                .toolDefinitions(List.of(new FunctionToolDefinition("search", "Searches", null)))
                .inputMessages(history)
                .build()).end(answer());

        SpanData span = fixture.onlySpan();
        assertThat(contentLength(span)).isLessThanOrEqualTo(20_000);
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
        assertThat(span.getAttributes().get(GEN_AI_TOOL_DEFINITIONS)).isNull();
        assertThat(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
        JsonNode input = parse(span.getAttributes().get(GEN_AI_INPUT_MESSAGES));
        assertThat(input.size()).isBetween(1, 399);
        assertThat(input.get(input.size() - 1).get("parts").get(0).get("content").asText())
                .startsWith("message 399 yyy").contains("\u2026[truncated ");
        assertThat(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).contains("Short.");
        assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1_300_000L);
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void contentThatFitsIsRecordedWholeAndUnmarked() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", "hi"), InputMessage.text("assistant", "hello")))
                .build()).end(answer());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]},"
                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}]}]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isNull();
    }

    @Test
    void aSurrogatePairAtTheCutPointStaysWhole() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxPartChars(5));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", "abcd\uD83D\uDE00efg"),
                        InputMessage.text("user", "abc\uD83D\uDE00efg")))
                .build()).end(answer());

        JsonNode input = parse(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES));
        assertThat(input.get(0).get("parts").get(0).get("content").asText())
                .isEqualTo("abcd\u2026[truncated 5 chars]");
        assertThat(input.get(1).get("parts").get(0).get("content").asText())
                .isEqualTo("abc\uD83D\uDE00\u2026[truncated 3 chars]");
    }

    @Test
    void stringsInsideToolArgumentsAreCutAndTheJsonStaysValid() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxPartChars(10));

        telemetry.startToolExecution(ToolCall.function("write", "c1",
                Map.of("path", "a.txt", "body", "\"quoted\" and \\ more text"))).end("ok");

        SpanData span = fixture.onlySpan();
        JsonNode arguments = parse(span.getAttributes().get(GEN_AI_TOOL_CALL_ARGUMENTS));
        assertThat(arguments.get("path").asText()).isEqualTo("a.txt");
        assertThat(arguments.get("body").asText()).isEqualTo("\"quoted\" a\u2026[truncated 14 chars]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void blobBytesAreOmittedByDefault() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(new InputMessage("user", List.of(
                        new MessagePart.Blob("image/png", "image", new byte[] {1, 2, 3})))))
                .build()).end(answer());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES)).isEqualTo("[{\"role\":\"user\",\"parts\":"
                + "[{\"type\":\"omitted_blob\",\"mime_type\":\"image/png\",\"modality\":\"image\",\"size\":3}]}]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void blobsUpToTheLimitKeepTheirBytesAndLargerOnesAreOmitted() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .setBlobMaxBytes(4));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(new InputMessage("user", List.of(
                        new MessagePart.Blob(null, "audio", new byte[] {1, 2, 3, 4}),
                        new MessagePart.Blob(null, "audio", new byte[] {1, 2, 3, 4, 5})))))
                .build()).end(answer());

        JsonNode parts = parse(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).get(0).get("parts");
        assertThat(parts.get(0).get("type").asText()).isEqualTo("blob");
        assertThat(parts.get(0).get("content").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4}));
        assertThat(parts.get(1).get("type").asText()).isEqualTo("omitted_blob");
        assertThat(parts.get(1).get("size").asInt()).isEqualTo(5);
        assertThat(parts.get(1).has("content")).isFalse();
    }

    @Test
    void redactionRunsBeforeTruncationSoACutNeverHalfRevealsASecret() {
        GenAiTelemetry telemetry = fixture.telemetry(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY)
                .setMaxPartChars(12)
                .addContentRedactor(PatternRedactor.create()));

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o")
                .inputMessages(List.of(InputMessage.text("user", "Mail: jane.doe@example.com")))
                .build()).end(answer());

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES))
                .doesNotContain("jane").contains("Mail: [REDAC\u2026[truncated");
    }

    @Test
    void toolDefinitionsRecordOnlyTypeAndNameUnlessDetailsAreAsked() {
        InferenceRequest request = InferenceRequest.chat("openai", "gpt-4o")
                .toolDefinitions(List.of(new FunctionToolDefinition("search", "Searches the web",
                        Map.of("type", "object"))))
                .build();

        fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY))
                .startInference(request).end(answer());
        fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY)
                .setToolDefinitionDetails(true)).startInference(request).end(answer());

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans.get(0).getAttributes().get(GEN_AI_TOOL_DEFINITIONS))
                .isEqualTo("[{\"type\":\"function\",\"name\":\"search\"}]");
        assertThat(spans.get(1).getAttributes().get(GEN_AI_TOOL_DEFINITIONS)).isEqualTo(
                "[{\"type\":\"function\",\"name\":\"search\",\"description\":\"Searches the web\","
                        + "\"parameters\":{\"type\":\"object\"}}]");
    }
}
