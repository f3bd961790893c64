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

/** Mistral's text-generation bodies ({@code outputs}) and chat completion bodies ({@code choices}). */
class MistralFamilyTest {

    private static final ModelFamily TEXT = ModelFamilies.MISTRAL_TEXT;
    private static final ModelFamily CHAT = ModelFamilies.MISTRAL_CHAT;

    @Test
    void textRequestIsRead() {
        InferenceRequest request = request(TEXT, """
                {"prompt": "<s>[INST] What is your favourite condiment? [/INST]", "max_tokens": 200,
                 "stop": ["[INST]"], "temperature": 0.5, "top_p": 0.9, "top_k": 50}
                """, true);

        assertThat(request.maxTokens()).isEqualTo(200L);
        assertThat(request.stopSequences()).containsExactly("[INST]");
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.topK()).isEqualTo(50L);
        assertThat(request.inputMessages()).containsExactly(
                InputMessage.text("user", "<s>[INST] What is your favourite condiment? [/INST]"));
    }

    @Test
    void textOutputsAreChoices() {
        InferenceResponse response = response(TEXT, """
                {"outputs": [{"text": " Mayonnaise, clearly.", "stop_reason": "stop"}]}
                """, true);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Mayonnaise, clearly.")), "stop"));
    }

    @Test
    void textStreamIsAccumulated() {
        InferenceResponse response = stream(TEXT, true,
                "{\"outputs\": [{\"text\": \" Mayo\", \"stop_reason\": null}]}",
                """
                {"outputs": [{"text": "nnaise.", "stop_reason": "length"}],
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 18, "outputTokenCount": 4,
                                                      "invocationLatency": 250, "firstByteLatency": 90}}
                """);

        assertThat(response.finishReasons()).containsExactly("length");
        assertThat(response.usage()).isEqualTo(new TokenUsage(18L, 4L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Mayonnaise.")), "length"));
    }

    @Test
    void chatRequestWithToolRoundTripIsRead() {
        InferenceRequest request = request(CHAT, """
                {"messages": [
                   {"role": "system", "content": "You are a DJ."},
                   {"role": "user", "content": "Most popular song on WZPZ?"},
                   {"role": "assistant", "content": "", "tool_calls": [{"id": "v6RMMiRlT",
                    "function": {"name": "top_song", "arguments": "{\\"sign\\": \\"WZPZ\\"}"}}]},
                   {"role": "tool", "tool_call_id": "v6RMMiRlT", "content": "{\\"song\\": \\"Elemental Hotel\\"}"}],
                 "tools": [{"type": "function", "function": {"name": "top_song", "description": "Top song",
                            "parameters": {"type": "object", "properties": {"sign": {"type": "string"}}}}}],
                 "tool_choice": "auto", "max_tokens": 1000, "top_p": 0.8, "temperature": 0.2}
                """, true);

        assertThat(request.maxTokens()).isEqualTo(1000L);
        assertThat(request.inputMessages()).containsExactly(
                InputMessage.text("system", "You are a DJ."),
                InputMessage.text("user", "Most popular song on WZPZ?"),
                new InputMessage("assistant", List.of(
                        new MessagePart.ToolCallRequest("v6RMMiRlT", "top_song", "{\"sign\": \"WZPZ\"}"))),
                new InputMessage("tool", List.of(
                        new MessagePart.ToolCallResponse("v6RMMiRlT", "{\"song\": \"Elemental Hotel\"}"))));
        assertThat(request.systemInstructions()).isEmpty();
        assertThat(request.toolDefinitions()).containsExactly(new FunctionToolDefinition("top_song", "Top song",
                Map.of("type", "object", "properties", Map.of("sign", Map.of("type", "string")))));
    }

    @Test
    void chatResponseWithToolCallsIsRead() {
        InferenceResponse response = response(CHAT, """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "",
                   "tool_calls": [{"id": "v6RMMiRlT", "function": {"name": "top_song",
                                                                   "arguments": "{\\"sign\\": \\"WZPZ\\"}"}}]},
                   "stop_reason": "tool_calls"}]}
                """, true);

        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest("v6RMMiRlT", "top_song", "{\"sign\": \"WZPZ\"}")),
                "tool_call"));
    }

    @Test
    void chatStreamIsAccumulated() {
        InferenceResponse response = stream(CHAT, true,
                """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "I am"}, "stop_reason": null}]}
                """,
                """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": " Mistral."},
                              "stop_reason": "stop"}],
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 8, "outputTokenCount": 4,
                                                      "invocationLatency": 200, "firstByteLatency": 80}}
                """);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(8L, 4L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("I am Mistral.")), "stop"));
    }

    @Test
    void modelLengthIsLength() {
        InferenceResponse response = response(CHAT, """
                {"choices": [{"message": {"content": "x"}, "stop_reason": "model_length"}]}
                """, false);

        assertThat(response.finishReasons()).containsExactly("length");
    }
}
