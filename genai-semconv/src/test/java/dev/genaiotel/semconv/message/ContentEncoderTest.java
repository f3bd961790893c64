package dev.genaiotel.semconv.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentEncoderTest {

    /** The conventions' example of a conversation with a tool call, whitespace removed. */
    private static final String TOOL_CALL_ROUND_TRIP = "["
            + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
            + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\","
            + "\"name\":\"get_weather\",\"arguments\":{\"location\":\"Paris\"}}]},"
            + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\","
            + "\"response\":\"rainy, 57°F\"}]}"
            + "]";

    private static List<InputMessage> roundTrip(Object arguments) {
        return List.of(
                InputMessage.text("user", "Weather in Paris?"),
                new InputMessage("assistant", List.of(
                        new MessagePart.ToolCallRequest("call_VSPygqKTWdrhaFErNvMV18Yl", "get_weather", arguments))),
                new InputMessage("tool", List.of(
                        new MessagePart.ToolCallResponse("call_VSPygqKTWdrhaFErNvMV18Yl", "rainy, 57°F"))));
    }

    @Test
    void theSpecExampleRoundTripsExactlyWithMapArguments() {
        assertThat(ContentEncoder.inputMessagesJson(roundTrip(Map.of("location", "Paris"))))
                .isEqualTo(TOOL_CALL_ROUND_TRIP);
    }

    @Test
    void theSpecExampleRoundTripsExactlyWithRawJsonArguments() {
        assertThat(ContentEncoder.inputMessagesJson(roundTrip(" {\"location\": \"Paris\"}\n")))
                .isEqualTo(TOOL_CALL_ROUND_TRIP);
    }

    @Test
    void outputMessageCarriesFinishReasonAfterParts() {
        String json = ContentEncoder.outputMessagesJson(
                List.of(new OutputMessage("assistant", List.of(new MessagePart.Text("Rainy.")), "stop")));

        assertThat(json).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Rainy.\"}],"
                        + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void nullOptionalFieldsAreOmittedButANullResponseIsKept() {
        String json = ContentEncoder.inputMessagesJson(List.of(new InputMessage("tool", List.of(
                new MessagePart.ToolCallRequest(null, "f", null),
                new MessagePart.ToolCallResponse(null, null),
                new MessagePart.Uri(null, "image", "https://example.com/a.png")))));

        assertThat(json).isEqualTo("[{\"role\":\"tool\",\"parts\":["
                + "{\"type\":\"tool_call\",\"name\":\"f\"},"
                + "{\"type\":\"tool_call_response\",\"response\":null},"
                + "{\"type\":\"uri\",\"modality\":\"image\",\"uri\":\"https://example.com/a.png\"}]}]");
    }

    @Test
    void blobBytesAreBase64InJsonAndBytesInStructuredForm() {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        List<InputMessage> messages =
                List.of(new InputMessage("user", List.of(new MessagePart.Blob("image/png", "image", bytes))));

        assertThat(ContentEncoder.inputMessagesJson(messages))
                .contains("\"content\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"");
        Value<?> part = field(((List<?>) ContentEncoder.inputMessagesValue(messages).getValue()).get(0), "parts");
        Value<?> content = field(((List<?>) part.getValue()).get(0), "content");
        ByteBuffer buffer = (ByteBuffer) content.getValue();
        byte[] read = new byte[buffer.remaining()];
        buffer.get(read);
        assertThat(read).containsExactly(bytes);
    }

    @Test
    void structuredFormMatchesTheJsonFormForEveryPartType() throws Exception {
        List<InputMessage> messages = List.of(
                new InputMessage("user", ContentEncoderSchemaTest.everyPartType(), "someone"));

        JsonNode fromJson = SchemaValidator.MAPPER.readTree(ContentEncoder.inputMessagesJson(messages));
        JsonNode fromValue = SchemaValidator.MAPPER.readTree(
                SchemaValidator.MAPPER.writeValueAsString(plain(ContentEncoder.inputMessagesValue(messages))));

        assertThat(fromValue).isEqualTo(fromJson);
    }

    @Test
    void toolDefinitionsRecordOnlyTypeAndNameUnlessDetailsAreAsked() {
        List<ToolDefinition> tools = List.of(new FunctionToolDefinition("get_weather", "Weather for a city",
                Map.of("type", "object")));

        assertThat(ContentEncoder.toolDefinitionsJson(tools, false))
                .isEqualTo("[{\"type\":\"function\",\"name\":\"get_weather\"}]");
        assertThat(ContentEncoder.toolDefinitionsJson(tools, true)).isEqualTo(
                "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather for a city\","
                        + "\"parameters\":{\"type\":\"object\"}}]");
    }

    @Test
    void anyValueWritesScalarsCollectionsAndTimeValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("int", 7);
        value.put("long", 8L);
        value.put("double", 1.5);
        value.put("bool", true);
        value.put("null", null);
        value.put("list", List.of(1, "two"));
        value.put("array", new int[] {3, 4});
        value.put("instant", Instant.parse("2026-11-22T10:15:30Z"));
        value.put("date", LocalDate.of(2026, 11, 22));
        value.put("offset", OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        value.put("duration", Duration.ofSeconds(90));
        value.put("nan", Double.NaN);

        assertThat(ContentEncoder.anyJson(value)).isEqualTo("{\"int\":7,\"long\":8,\"double\":1.5,\"bool\":true,"
                + "\"null\":null,\"list\":[1,\"two\"],\"array\":[3,4],\"instant\":\"2026-11-22T10:15:30Z\","
                + "\"date\":\"2026-11-22\",\"offset\":\"2026-11-22T10:00+02:00\",\"duration\":\"PT1M30S\","
                + "\"nan\":\"NaN\"}");
    }

    @Test
    void rawJsonTextIsParsedOnlyWhenValid() {
        assertThat(ContentEncoder.anyJson("[1, {\"a\": null}]")).isEqualTo("[1,{\"a\":null}]");
        assertThat(ContentEncoder.anyJson("{\"a\": 1")).isEqualTo("\"{\\\"a\\\": 1\"");
        assertThat(ContentEncoder.anyJson("{\"a\": 1} trailing")).isEqualTo("\"{\\\"a\\\": 1} trailing\"");
        assertThat(ContentEncoder.anyJson("42")).isEqualTo("\"42\"");
        assertThat(ContentEncoder.anyJson("plain text")).isEqualTo("\"plain text\"");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsSurvive() throws Exception {
        String text = "ok \uD83D\uDE00 lone high \uD83D end, lone low \uDE00";

        String json = ContentEncoder.inputMessagesJson(List.of(InputMessage.text("user", text)));

        String decoded = SchemaValidator.MAPPER.readTree(json).get(0).get("parts").get(0).get("content").asText();
        assertThat(decoded).isEqualTo("ok \uD83D\uDE00 lone high \uFFFD end, lone low \uFFFD");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(json);
        Value<?> structured = ContentEncoder.anyValue(text);
        assertThat(structured.getValue()).isEqualTo("ok \uD83D\uDE00 lone high \uFFFD end, lone low \uFFFD");
    }

    @Test
    void aCyclicMapIsCutWithAMarker() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("name", "loop");
        cyclic.put("self", cyclic);
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThat(ContentEncoder.anyJson(cyclic)).isEqualTo("{\"name\":\"loop\",\"self\":\"[cycle]\"}");
        assertThat(ContentEncoder.anyJson(list)).isEqualTo("[\"[cycle]\"]");
    }

    @Test
    void nestingBeyondTheLimitIsCutWithAMarkerInsteadOfOverflowingTheStack() {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> child = new HashMap<>();
            current.put("c", child);
            current = child;
        }

        String json = ContentEncoder.anyJson(root);

        assertThat(json).startsWith("{\"c\":{\"c\":").contains(ContentEncoder.DEPTH_MARKER);
        assertThat(count(json, "{")).isEqualTo(ContentEncoder.MAX_DEPTH);
        assertThat(ContentEncoder.anyJson("[".repeat(100_000) + "]".repeat(100_000)))
                .startsWith("\"[[[");
    }

    @Test
    void aValueWithMoreNodesThanTheLimitIsCut() throws Exception {
        List<Object> leaf = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Object shared = leaf;
        for (int level = 0; level < 8; level++) {
            List<Object> next = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                next.add(shared);
            }
            shared = next;
        }

        String json = ContentEncoder.anyJson(shared);

        assertThat(json).contains(ContentEncoder.SIZE_MARKER);
        assertThat(SchemaValidator.MAPPER.readTree(json).isArray()).isTrue();
        assertThat(json.length()).isLessThan(2_000_000);
    }

    @Test
    void aTenMegabyteStringEncodesToValidJson() throws Exception {
        String huge = "x".repeat(10 * 1024 * 1024);

        String json = ContentEncoder.inputMessagesJson(List.of(InputMessage.text("user", huge)));

        assertThat(SchemaValidator.MAPPER.readTree(json).get(0).get("parts").get(0).get("content").asText())
                .hasSize(huge.length());
        assertThat(ContentEncoder.inputMessagesJson(List.of(InputMessage.text("user", "small"))))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"small\"}]}]");
    }

    @Test
    void requiredFieldsAreCheckedAndNamed() {
        assertThatThrownBy(() -> new MessagePart.Text(null)).hasMessage("Text.content is required");
        assertThatThrownBy(() -> new MessagePart.ToolCallRequest("id", null, null))
                .hasMessage("ToolCallRequest.name is required");
        assertThatThrownBy(() -> new MessagePart.Blob(null, null, new byte[0]))
                .hasMessage("Blob.modality is required");
        assertThatThrownBy(() -> new MessagePart.Uri(null, "image", null)).hasMessage("Uri.uri is required");
        assertThatThrownBy(() -> new MessagePart.File(null, "image", null)).hasMessage("File.fileId is required");
        assertThatThrownBy(() -> new MessagePart.ServerToolCall(null, "s", Map.of("q", 1)))
                .hasMessageContaining("ServerToolCall.serverToolCall must contain a non-blank 'type'");
        assertThatThrownBy(() -> new MessagePart.GenericPart(" ", Map.of()))
                .hasMessage("GenericPart.type must not be blank");
        assertThatThrownBy(() -> new InputMessage(null, List.of())).hasMessage("InputMessage.role is required");
        assertThatThrownBy(() -> new OutputMessage("assistant", List.of(), null))
                .hasMessage("OutputMessage.finishReason is required");
        List<MessagePart> withNull = new ArrayList<>();
        withNull.add(new MessagePart.Text("a"));
        withNull.add(null);
        assertThatThrownBy(() -> new InputMessage("user", withNull)).hasMessage("InputMessage.parts[1] is null");
        assertThatThrownBy(() -> new FunctionToolDefinition(null, null, null))
                .hasMessage("FunctionToolDefinition.name is required");
    }

    @Test
    void blobsAreCopiedSoTheRecordStaysImmutable() {
        byte[] bytes = {1, 2, 3};
        MessagePart.Blob blob = new MessagePart.Blob(null, "image", bytes);
        bytes[0] = 9;
        blob.content()[1] = 9;

        assertThat(blob.content()).containsExactly(1, 2, 3);
        assertThat(blob).isEqualTo(new MessagePart.Blob(null, "image", new byte[] {1, 2, 3}));
    }

    private static Value<?> field(Object keyValueList, String name) {
        for (Object element : (List<?>) ((Value<?>) keyValueList).getValue()) {
            KeyValue keyValue = (KeyValue) element;
            if (keyValue.getKey().equals(name)) {
                return keyValue.getValue();
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** The structured form as plain maps and lists, with bytes as base64 as in the JSON form. */
    private static Object plain(Value<?> value) {
        switch (value.getType()) {
            case KEY_VALUE_LIST: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object element : (List<?>) value.getValue()) {
                    KeyValue keyValue = (KeyValue) element;
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
            case BYTES: {
                ByteBuffer buffer = (ByteBuffer) value.getValue();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            }
            case EMPTY:
                return null;
            default:
                return value.getValue();
        }
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }
}
