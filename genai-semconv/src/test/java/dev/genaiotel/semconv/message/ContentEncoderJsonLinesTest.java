package dev.genaiotel.semconv.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Lines form: one line per element of the JSON array form, with the element's index added last. */
class ContentEncoderJsonLinesTest {

    @Test
    void eachLineIsTheArrayElementWithItsIndexAddedLast() {
        List<InputMessage> messages = List.of(InputMessage.text("user", "one"),
                new InputMessage("assistant", List.of(new MessagePart.ToolCallRequest("c1", "f", Map.of("a", 1)))));

        assertThat(ContentEncoder.inputMessagesJsonLines(messages)).isEqualTo(
                "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"one\"}],\"index\":0}\n"
                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"f\","
                        + "\"arguments\":{\"a\":1}}],\"index\":1}\n");
    }

    /**
     * Every part type but one whose own properties hold an {@code index}: its line would carry that field twice, as
     * the upload files always have.
     */
    private static List<MessagePart> everyPartType() {
        return ContentEncoderSchemaTest.everyPartType().stream()
                .filter(part -> !(part instanceof MessagePart.GenericPart generic
                        && generic.properties().containsKey("index")))
                .toList();
    }

    @Test
    void everyPartTypeMatchesTheArrayFormLineByLine() throws Exception {
        List<InputMessage> messages = List.of(new InputMessage("user", everyPartType()),
                InputMessage.text("user", "second"));
        List<OutputMessage> outputs = List.of(new OutputMessage("assistant",
                everyPartType(), "stop"));
        List<ToolDefinition> tools = List.of(new FunctionToolDefinition("get_weather", "Weather", Map.of(
                "type", "object")), new GenericToolDefinition("web_search", "search", Map.of("k", List.of(1, 2))));

        assertLinesMatch(ContentEncoder.inputMessagesJson(messages), ContentEncoder.inputMessagesJsonLines(messages));
        assertLinesMatch(ContentEncoder.outputMessagesJson(outputs), ContentEncoder.outputMessagesJsonLines(outputs));
        assertLinesMatch(ContentEncoder.systemInstructionsJson(everyPartType()),
                ContentEncoder.systemInstructionsJsonLines(everyPartType()));
        assertLinesMatch(ContentEncoder.toolDefinitionsJson(tools, true),
                ContentEncoder.toolDefinitionsJsonLines(tools, true));
        assertLinesMatch(ContentEncoder.toolDefinitionsJson(tools, false),
                ContentEncoder.toolDefinitionsJsonLines(tools, false));
    }

    @Test
    void anEmptyListIsNoLines() {
        assertThat(ContentEncoder.inputMessagesJsonLines(List.of())).isEmpty();
    }

    @Test
    void anEncodeAfterJsonLinesOnTheSameThreadIsUnaffected() {
        ContentEncoder.systemInstructionsJsonLines(List.of(new MessagePart.Text("a"), new MessagePart.Text("b")));

        assertThat(ContentEncoder.systemInstructionsJson(List.of(new MessagePart.Text("c"))))
                .isEqualTo("[{\"type\":\"text\",\"content\":\"c\"}]");
    }

    private static void assertLinesMatch(String array, String lines) throws Exception {
        JsonNode elements = SchemaValidator.MAPPER.readTree(array);
        assertThat(lines).endsWith("\n");
        String[] split = lines.split("\n");
        assertThat(split).hasSize(elements.size());
        for (int i = 0; i < split.length; i++) {
            ObjectNode line = (ObjectNode) SchemaValidator.MAPPER.readTree(split[i]);
            assertThat(line.get("index").asInt()).isEqualTo(i);
            assertThat(line.size()).isEqualTo(elements.get(i).size() + 1);
            line.remove("index");
            assertThat(line).isEqualTo(elements.get(i));
        }
    }
}
