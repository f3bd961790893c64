package dev.genaiotel.ollama;

import static dev.genaiotel.ollama.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.ollama.OllamaStub.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tool-call arguments are recorded as they were sent: an object as structure, a string of JSON as the structure it
 * holds, and a string that is not JSON as that text, never replaced by an empty object. What the application gets is
 * unchanged.
 */
class ToolCallArgumentsTest {

    /** A model's broken arguments, cut off inside a string, sent as a JSON string. */
    private static final String BROKEN = "{\\\"location\\\": \\\"Paris";

    private final Telemetry telemetry = new Telemetry();
    private final HttpClient wrapped = telemetry.ollama(ContentCapture.SPAN_ONLY).wrap(HttpClient.newHttpClient());
    private OllamaStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new OllamaStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static String toolCallAnswer(String arguments) {
        return "{\"model\":\"llama3.2\"," + Payloads.CREATED + ",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"get_current_weather\",\"arguments\":" + arguments
                + "}}]},\"done_reason\":\"stop\",\"done\":true," + Payloads.TIMINGS + "}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return wrapped.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answeredArgumentsThatAreNotJsonAreRecordedAsText() throws Exception {
        stub.answer("POST", "/api/chat", Answer.json(200, toolCallAnswer("\"" + BROKEN + "\"")));

        HttpResponse<String> response = post(Payloads.CHAT_STREAM_REQUEST.replace("}]}", "}],\"stream\":false}"));

        assertThat(response.body()).isEqualTo(toolCallAnswer("\"" + BROKEN + "\""));
        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\","
                + "\"parts\":[{\"type\":\"tool_call\",\"name\":\"get_current_weather\",\"arguments\":\"" + BROKEN
                + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void streamedArgumentsThatAreNotJsonAreRecordedAsText() throws Exception {
        stub.answer("POST", "/api/chat", Answer.ndjson(List.of(toolCallAnswer("\"" + BROKEN + "\""))));

        post(Payloads.CHAT_STREAM_REQUEST);

        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\","
                + "\"parts\":[{\"type\":\"tool_call\",\"name\":\"get_current_weather\",\"arguments\":\"" + BROKEN
                + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void answeredArgumentsSentAsJsonTextAreRecordedAsStructure() throws Exception {
        stub.answer("POST", "/api/chat", Answer.json(200,
                toolCallAnswer("\"{\\\"location\\\":\\\"Paris, FR\\\"}\"")));

        post(Payloads.CHAT_STREAM_REQUEST.replace("}]}", "}],\"stream\":false}"));

        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_OUTPUT_MESSAGES)).contains(
                "\"arguments\":{\"location\":\"Paris, FR\"}");
    }

    @Test
    void requestedHistoryArgumentsThatAreNotJsonAreRecordedAsText() throws Exception {
        stub.answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE));
        String request = "{\"model\":\"llama3.2\",\"stream\":false,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                + "{\"name\":\"get_current_weather\",\"arguments\":\"" + BROKEN + "\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"rainy, 14 degrees\",\"tool_name\":\"get_current_weather\"}]}";

        post(request);

        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_INPUT_MESSAGES)).isEqualTo("["
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"name\":\"get_current_weather\","
                + "\"arguments\":\"" + BROKEN + "\"}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                + "\"response\":\"rainy, 14 degrees\"}]}]");
    }

    @Test
    void clientGetsAnEmptyMapForArgumentsThatAreNotAnObjectWhileTheSpanKeepsTheText() {
        stub.answer("POST", "/api/chat", Answer.json(200, toolCallAnswer("\"" + BROKEN + "\"")));
        OllamaClient ollama = OllamaClient.builder().baseUrl(stub.baseUrl()).httpClient(wrapped).build();

        ChatResponse response = ollama.chat(ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Weather in Paris?")).build());

        assertThat(response.message().toolCalls()).containsExactly(ToolCall.of("get_current_weather", Map.of()));
        assertThat(attribute(telemetry.awaitSpan(), GEN_AI_OUTPUT_MESSAGES))
                .contains("\"arguments\":\"" + BROKEN + "\"");
    }
}
