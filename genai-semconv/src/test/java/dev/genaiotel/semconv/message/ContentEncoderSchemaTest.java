package dev.genaiotel.semconv.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentEncoderSchemaTest {

    private static final SchemaValidator INPUT = SchemaValidator.load("gen-ai-input-messages.json");
    private static final SchemaValidator OUTPUT = SchemaValidator.load("gen-ai-output-messages.json");
    private static final SchemaValidator INSTRUCTIONS = SchemaValidator.load("gen-ai-system-instructions.json");
    private static final SchemaValidator TOOLS = SchemaValidator.load("gen-ai-tool-definitions.json");
    private static final SchemaValidator DOCUMENTS = SchemaValidator.load("gen-ai-retrieval-documents.json");

    /** One of every part type, with optional fields both set and unset. */
    static List<MessagePart> everyPartType() {
        return List.of(
                new MessagePart.Text("Describe this picture."),
                new MessagePart.Reasoning("The user wants a description."),
                new MessagePart.ToolCallRequest("call_1", "get_weather", Map.of("location", "Paris")),
                new MessagePart.ToolCallRequest(null, "no_arguments", null),
                new MessagePart.ToolCallResponse("call_1", "rainy, 57°F"),
                new MessagePart.ToolCallResponse(null, null),
                new MessagePart.ServerToolCall("ws_1", "web_search",
                        Map.of("type", "web_search", "query", "weather Paris")),
                new MessagePart.ServerToolCallResponse("ws_1",
                        Map.of("type", "web_search", "results", List.of("a", "b"))),
                new MessagePart.Blob("image/png", "image", "fake png".getBytes(StandardCharsets.UTF_8)),
                new MessagePart.Blob(null, "audio", new byte[] {1, 2, 3}),
                new MessagePart.File("application/pdf", "document", "file-abc"),
                new MessagePart.Uri(null, "image", "https://example.com/cat.png"),
                new MessagePart.Compaction("cmp_1", "Earlier the user asked about Paris."),
                new MessagePart.Compaction(null, null),
                new MessagePart.GenericPart("citation", Map.of("url", "https://example.com", "index", 3)));
    }

    @Test
    void inputMessagesWithEveryPartTypeValidate() {
        List<InputMessage> messages = List.of(
                new InputMessage("user", everyPartType()),
                new InputMessage("assistant", everyPartType(), "helper"),
                InputMessage.text("developer", "custom roles are allowed"));

        String json = ContentEncoder.inputMessagesJson(messages);

        assertThat(INPUT.errors(json)).isEmpty();
    }

    @Test
    void outputMessagesWithEveryPartTypeValidate() {
        List<OutputMessage> messages = List.of(
                new OutputMessage("assistant", everyPartType(), "stop"),
                new OutputMessage("assistant", List.of(), "bot", "a_provider_reason"));

        String json = ContentEncoder.outputMessagesJson(messages);

        assertThat(OUTPUT.errors(json)).isEmpty();
    }

    @Test
    void systemInstructionsValidate() {
        List<MessagePart> instructions = List.of(
                new MessagePart.Text("You are a language translator."),
                new MessagePart.GenericPart("cache_point", Map.of("ttl", "5m")));

        assertThat(INSTRUCTIONS.errors(ContentEncoder.systemInstructionsJson(instructions))).isEmpty();
    }

    @Test
    void toolDefinitionsValidateWithAndWithoutDetails() {
        List<ToolDefinition> tools = List.of(
                new FunctionToolDefinition("get_weather", "Weather for a city",
                        "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}"),
                new FunctionToolDefinition("no_schema", null, null),
                new GenericToolDefinition("code_interpreter", "code_interpreter", Map.of("container", "auto")));

        assertThat(TOOLS.errors(ContentEncoder.toolDefinitionsJson(tools, false))).isEmpty();
        assertThat(TOOLS.errors(ContentEncoder.toolDefinitionsJson(tools, true))).isEmpty();
    }

    @Test
    void retrievalDocumentsValidate() {
        List<RetrievalDocument> documents =
                List.of(new RetrievalDocument("doc_123", 0.95), new RetrievalDocument(null, null));

        assertThat(DOCUMENTS.errors(ContentEncoder.retrievalDocumentsJson(documents))).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        assertThat(INPUT.errors("[{\"role\":\"user\"}]")).isNotEmpty();
        assertThat(OUTPUT.errors("[{\"role\":\"assistant\",\"parts\":[]}]")).isNotEmpty();
        assertThat(INPUT.errors("[{\"role\":\"user\",\"parts\":[{\"content\":\"no type\"}]}]")).isNotEmpty();
        assertThat(TOOLS.errors("[{\"type\":\"function\"}]")).isNotEmpty();
    }
}
