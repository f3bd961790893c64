package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.request;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.response;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cohere Command (text generation) and Command R (chat) bodies and stream chunks. */
class CohereFamiliesTest {

    private static final ModelFamily COMMAND = ModelFamilies.COHERE_COMMAND;
    private static final ModelFamily COMMAND_R = ModelFamilies.COHERE_COMMAND_R;

    private static final String COMMAND_R_REQUEST = """
            {"message": "And in Lyon?",
             "chat_history": [
               {"role": "USER", "message": "Weather in Paris?"},
               {"role": "CHATBOT", "message": "",
                "tool_calls": [{"name": "get_weather", "parameters": {"city": "Paris"}}]},
               {"role": "TOOL", "tool_results": [{"call": {"name": "get_weather", "parameters": {"city": "Paris"}},
                                                  "outputs": [{"forecast": "rainy"}]}]},
               {"role": "CHATBOT", "message": "Rainy."}
             ],
             "preamble": "You are concise.",
             "documents": [{"title": "Lyon forecast", "snippet": "Sunny, 20 C"}],
             "max_tokens": 400, "temperature": 0.3, "p": 0.9, "k": 50, "seed": 7,
             "frequency_penalty": 0.1, "presence_penalty": 0.2, "stop_sequences": ["END"],
             "tools": [{"name": "get_weather", "description": "Current weather",
                        "parameter_definitions": {"city": {"description": "City", "type": "str", "required": true}}}]}
            """;

    @Test
    void commandParametersAreRead() {
        InferenceRequest request = request(COMMAND, """
                {"prompt": "Write a haiku about autumn.", "max_tokens": 200, "temperature": 0.8, "p": 0.75, "k": 0,
                 "stop_sequences": ["--"], "num_generations": 2, "return_likelihoods": "NONE"}
                """, true);

        assertThat(request.maxTokens()).isEqualTo(200L);
        assertThat(request.temperature()).isEqualTo(0.8);
        assertThat(request.topP()).isEqualTo(0.75);
        assertThat(request.topK()).isEqualTo(0L);
        assertThat(request.stopSequences()).containsExactly("--");
        assertThat(request.choiceCount()).isEqualTo(2L);
        assertThat(request.inputMessages()).containsExactly(InputMessage.text("user", "Write a haiku about autumn."));
    }

    @Test
    void commandGenerationsAreChoices() {
        InferenceResponse response = response(COMMAND, """
                {"generations": [
                   {"finish_reason": "COMPLETE", "id": "a1b2", "text": "Leaves drift to the ground"},
                   {"finish_reason": "MAX_TOKENS", "id": "c3d4", "text": "Crisp air and"}],
                 "id": "5c3d1e2f-aaaa-bbbb-cccc-1234567890ab", "prompt": "Write a haiku about autumn."}
                """, true);

        assertThat(response.responseId()).isEqualTo("5c3d1e2f-aaaa-bbbb-cccc-1234567890ab");
        assertThat(response.finishReasons()).containsExactly("stop", "length");
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Leaves drift to the ground")), "stop"),
                new OutputMessage("assistant", List.of(new MessagePart.Text("Crisp air and")), "length"));
        assertThat(response.usage()).isNull();
    }

    @Test
    void commandStreamTakesUsageFromInvocationMetrics() {
        InferenceResponse response = stream(COMMAND, true,
                "{\"text\": \"Leaves\", \"is_finished\": false}",
                "{\"text\": \" drift\", \"is_finished\": false}",
                """
                {"is_finished": true, "finish_reason": "COMPLETE",
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 6, "outputTokenCount": 2,
                                                      "invocationLatency": 400, "firstByteLatency": 150}}
                """);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(6L, 2L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Leaves drift")), "stop"));
    }

    @Test
    void commandRParametersAreRead() {
        InferenceRequest request = request(COMMAND_R, COMMAND_R_REQUEST, false);

        assertThat(request.maxTokens()).isEqualTo(400L);
        assertThat(request.temperature()).isEqualTo(0.3);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.topK()).isEqualTo(50L);
        assertThat(request.seed()).isEqualTo(7L);
        assertThat(request.frequencyPenalty()).isEqualTo(0.1);
        assertThat(request.presencePenalty()).isEqualTo(0.2);
        assertThat(request.stopSequences()).containsExactly("END");
        assertThat(request.inputMessages()).isEmpty();
        assertThat(request.systemInstructions()).isEmpty();
    }

    @Test
    void commandRHistoryPreambleDocumentsAndToolsAreReadWithContent() {
        InferenceRequest request = request(COMMAND_R, COMMAND_R_REQUEST, true);

        assertThat(request.systemInstructions()).containsExactly(new MessagePart.Text("You are concise."));
        assertThat(request.inputMessages()).containsExactly(
                InputMessage.text("user", "Weather in Paris?"),
                new InputMessage("assistant", List.of(
                        new MessagePart.ToolCallRequest(null, "get_weather", Map.of("city", "Paris")))),
                new InputMessage("tool", List.of(
                        new MessagePart.ToolCallResponse(null, List.of(Map.of("forecast", "rainy"))))),
                InputMessage.text("assistant", "Rainy."),
                new InputMessage("user", List.of(new MessagePart.Text("And in Lyon?"),
                        new MessagePart.GenericPart("document",
                                Map.of("title", "Lyon forecast", "snippet", "Sunny, 20 C")))));
        assertThat(request.toolDefinitions()).containsExactly(new FunctionToolDefinition("get_weather",
                "Current weather", Map.of("city", Map.of("description", "City", "type", "str", "required", true))));
    }

    @Test
    void commandRToolResultsBecomeAToolMessage() {
        InferenceRequest request = request(COMMAND_R, """
                {"message": "", "tool_results": [{"call": {"name": "get_weather", "parameters": {"city": "Lyon"}},
                                                  "outputs": [{"forecast": "sunny"}]}]}
                """, true);

        assertThat(request.inputMessages()).containsExactly(new InputMessage("tool",
                List.of(new MessagePart.ToolCallResponse(null, List.of(Map.of("forecast", "sunny"))))));
    }

    @Test
    void commandRResponseWithToolCallsEndsInToolCall() {
        InferenceResponse response = response(COMMAND_R, """
                {"response_id": "f1e2d3c4", "text": "", "generation_id": "g1",
                 "chat_history": [{"role": "USER", "message": "And in Lyon?"}],
                 "finish_reason": "COMPLETE",
                 "tool_calls": [{"name": "get_weather", "parameters": {"city": "Lyon"}}],
                 "meta": {"api_version": {"version": "1"}, "billed_units": {"input_tokens": 50, "output_tokens": 12},
                          "tokens": {"input_tokens": 120, "output_tokens": 12}}}
                """, true);

        assertThat(response.responseId()).isEqualTo("f1e2d3c4");
        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.usage()).isEqualTo(new TokenUsage(120L, 12L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest(null, "get_weather", Map.of("city", "Lyon"))), "tool_call"));
    }

    @Test
    void commandRErrorReasonsAreNormalised() {
        assertThat(response(COMMAND_R, "{\"text\": \"\", \"finish_reason\": \"ERROR_TOXIC\"}", false)
                .finishReasons()).containsExactly("content_filter");
        assertThat(response(COMMAND_R, "{\"text\": \"\", \"finish_reason\": \"ERROR_LIMIT\"}", false)
                .finishReasons()).containsExactly("length");
        assertThat(response(COMMAND_R, "{\"text\": \"\", \"finish_reason\": \"ERROR\"}", false)
                .finishReasons()).containsExactly("error");
    }

    @Test
    void commandRStreamIsAccumulated() {
        InferenceResponse response = stream(COMMAND_R, true,
                "{\"is_finished\": false, \"event_type\": \"stream-start\", \"generation_id\": \"g2\"}",
                "{\"is_finished\": false, \"event_type\": \"text-generation\", \"text\": \"Sunny\"}",
                "{\"is_finished\": false, \"event_type\": \"text-generation\", \"text\": \" in Lyon.\"}",
                """
                {"is_finished": true, "event_type": "stream-end", "finish_reason": "COMPLETE",
                 "response": {"response_id": "r2", "text": "Sunny in Lyon.", "generation_id": "g2",
                              "finish_reason": "COMPLETE",
                              "meta": {"billed_units": {"input_tokens": 30, "output_tokens": 4}}},
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 30, "outputTokenCount": 4,
                                                      "invocationLatency": 700, "firstByteLatency": 300}}
                """);

        assertThat(response.responseId()).isEqualTo("r2");
        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(30L, 4L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Sunny in Lyon.")), "stop"));
    }

    @Test
    void commandRStreamedToolCallsAreAccumulated() {
        InferenceResponse response = stream(COMMAND_R, true,
                """
                {"is_finished": false, "event_type": "tool-calls-generation",
                 "tool_calls": [{"name": "get_weather", "parameters": {"city": "Lyon"}}]}
                """,
                """
                {"is_finished": true, "event_type": "stream-end", "finish_reason": "COMPLETE",
                 "response": {"response_id": "r3", "tool_calls": [{"name": "get_weather",
                                                                   "parameters": {"city": "Lyon"}}]}}
                """);

        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest(null, "get_weather", "{\"city\":\"Lyon\"}")), "tool_call"));
    }
}
