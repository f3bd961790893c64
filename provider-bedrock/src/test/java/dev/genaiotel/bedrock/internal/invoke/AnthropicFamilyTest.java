package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.request;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.response;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claude's messages API on Bedrock, and the legacy text completions API. */
class AnthropicFamilyTest {

    private static final ModelFamily FAMILY = ModelFamilies.ANTHROPIC;

    private static final String TOOL_ROUND_TRIP_REQUEST = """
            {
              "anthropic_version": "bedrock-2023-05-31",
              "max_tokens": 1024,
              "system": "You are a weather assistant.",
              "temperature": 0.5,
              "top_p": 0.9,
              "top_k": 250,
              "stop_sequences": ["END"],
              "tools": [{
                "name": "get_weather",
                "description": "Current weather in a city",
                "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
              }],
              "messages": [
                {"role": "user", "content": [
                  {"type": "text", "text": "Weather in Paris?"},
                  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}
                ]},
                {"role": "assistant", "content": [
                  {"type": "thinking", "thinking": "I need the tool.", "signature": "EqQBCgIYAhIM"},
                  {"type": "tool_use", "id": "toolu_bdrk_01", "name": "get_weather", "input": {"city": "Paris"}}
                ]},
                {"role": "user", "content": [
                  {"type": "tool_result", "tool_use_id": "toolu_bdrk_01",
                   "content": [{"type": "text", "text": "rainy, 14 C"}]}
                ]}
              ]
            }
            """;

    @Test
    void requestParametersAreReadWithoutContent() {
        InferenceRequest request = request(FAMILY, TOOL_ROUND_TRIP_REQUEST, false);

        assertThat(request.maxTokens()).isEqualTo(1024L);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.topK()).isEqualTo(250L);
        assertThat(request.stopSequences()).containsExactly("END");
        assertThat(request.systemInstructions()).isEmpty();
        assertThat(request.inputMessages()).isEmpty();
        assertThat(request.toolDefinitions()).isEmpty();
    }

    @Test
    void systemMessagesAndToolsAreReadWithContent() {
        InferenceRequest request = request(FAMILY, TOOL_ROUND_TRIP_REQUEST, true);

        assertThat(request.systemInstructions()).containsExactly(new MessagePart.Text("You are a weather assistant."));
        assertThat(request.inputMessages()).containsExactly(
                new InputMessage("user", List.of(new MessagePart.Text("Weather in Paris?"),
                        new MessagePart.Blob("image/png", Modality.IMAGE, Bodies.pngBytes()))),
                new InputMessage("assistant", List.of(new MessagePart.Reasoning("I need the tool."),
                        new MessagePart.ToolCallRequest("toolu_bdrk_01", "get_weather", Map.of("city", "Paris")))),
                new InputMessage("user", List.of(new MessagePart.ToolCallResponse("toolu_bdrk_01", "rainy, 14 C"))));
        assertThat(request.toolDefinitions()).containsExactly(new FunctionToolDefinition("get_weather",
                "Current weather in a city", Map.of("type", "object",
                        "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"))));
    }

    @Test
    void systemGivenAsTextBlocksAndImageUrlsAreRead() {
        InferenceRequest request = request(FAMILY, """
                {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100,
                 "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
                 "messages": [{"role": "user", "content": [
                   {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
                   {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "Notes"}},
                   {"type": "text", "text": "Describe."}]}]}
                """, true);

        assertThat(request.systemInstructions()).containsExactly(new MessagePart.Text("Be brief."));
        assertThat(request.inputMessages()).containsExactly(new InputMessage("user", List.of(
                new MessagePart.Uri(null, Modality.IMAGE, "https://example.com/cat.jpg"),
                new MessagePart.Text("Notes"), new MessagePart.Text("Describe."))));
    }

    @Test
    void toolResultWithAnImageKeepsItsShapeButNotItsData() {
        InferenceRequest request = request(FAMILY, """
                {"messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_9",
                  "content": [{"type": "text", "text": "Chart:"},
                              {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                                           "data": "iVBORw0KGgo="}}]}]}]}
                """, true);

        assertThat(request.inputMessages()).containsExactly(new InputMessage("user", List.of(
                new MessagePart.ToolCallResponse("toolu_9", List.of(Map.of("type", "text", "text", "Chart:"),
                        Map.of("type", "image", "source", Map.of("type", "base64", "media_type", "image/png")))))));
    }

    @Test
    void responseWithToolUseCountsCacheIntoInputTokens() {
        InferenceResponse response = response(FAMILY, """
                {"id": "msg_bdrk_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
                 "model": "claude-3-5-sonnet-20240620",
                 "content": [
                   {"type": "text", "text": "Let me check."},
                   {"type": "tool_use", "id": "toolu_bdrk_02", "name": "get_weather", "input": {"city": "Lyon"}}
                 ],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 12, "cache_creation_input_tokens": 100, "cache_read_input_tokens": 2000,
                           "output_tokens": 40}}
                """, true);

        assertThat(response.responseId()).isEqualTo("msg_bdrk_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(response.responseModel()).isEqualTo("claude-3-5-sonnet-20240620");
        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.usage()).isEqualTo(new TokenUsage(2112L, 40L, 2000L, 100L, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant", List.of(
                new MessagePart.Text("Let me check."),
                new MessagePart.ToolCallRequest("toolu_bdrk_02", "get_weather", Map.of("city", "Lyon"))),
                "tool_call"));
    }

    @Test
    void responseWithoutContentCaptureKeepsMetadataOnly() {
        InferenceResponse response = response(FAMILY, """
                {"id": "msg_bdrk_1", "model": "claude-3-haiku-20240307",
                 "content": [{"type": "text", "text": "Hi"}], "stop_reason": "max_tokens",
                 "usage": {"input_tokens": 5, "output_tokens": 1}}
                """, false);

        assertThat(response.finishReasons()).containsExactly("length");
        assertThat(response.usage()).isEqualTo(new TokenUsage(5L, 1L, null, null, null));
        assertThat(response.outputMessages()).isEmpty();
    }

    @Test
    void streamOfTextAndToolUseIsAccumulated() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"type": "message_start", "message": {"id": "msg_bdrk_02", "type": "message", "role": "assistant",
                 "model": "claude-3-5-sonnet-20240620", "content": [], "stop_reason": null, "stop_sequence": null,
                 "usage": {"input_tokens": 25, "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 0,
                           "output_tokens": 1}}}
                """,
                """
                {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
                """,
                """
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Checking "}}
                """,
                """
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "now."}}
                """,
                "{\"type\": \"content_block_stop\", \"index\": 0}",
                """
                {"type": "content_block_start", "index": 1,
                 "content_block": {"type": "tool_use", "id": "toolu_bdrk_03", "name": "get_weather", "input": {}}}
                """,
                """
                {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": ""}}
                """,
                """
                {"type": "content_block_delta", "index": 1,
                 "delta": {"type": "input_json_delta", "partial_json": "{\\"city\\": \\"Pa"}}
                """,
                """
                {"type": "content_block_delta", "index": 1,
                 "delta": {"type": "input_json_delta", "partial_json": "ris\\"}"}}
                """,
                "{\"type\": \"content_block_stop\", \"index\": 1}",
                """
                {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null},
                 "usage": {"output_tokens": 42}}
                """,
                """
                {"type": "message_stop", "amazon-bedrock-invocationMetrics": {"inputTokenCount": 25,
                 "outputTokenCount": 42, "invocationLatency": 1234, "firstByteLatency": 456}}
                """);

        assertThat(response.responseId()).isEqualTo("msg_bdrk_02");
        assertThat(response.responseModel()).isEqualTo("claude-3-5-sonnet-20240620");
        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.usage()).isEqualTo(new TokenUsage(1025L, 42L, 1000L, 0L, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant", List.of(
                new MessagePart.Text("Checking now."),
                new MessagePart.ToolCallRequest("toolu_bdrk_03", "get_weather", "{\"city\": \"Paris\"}")),
                "tool_call"));
    }

    @Test
    void streamedThinkingBecomesReasoning() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"type": "message_start", "message": {"id": "msg_bdrk_03", "usage": {"input_tokens": 9}}}
                """,
                """
                {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}
                """,
                """
                {"type": "content_block_delta", "index": 0,
                 "delta": {"type": "thinking_delta", "thinking": "2+2 is 4."}}
                """,
                """
                {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQB"}}
                """,
                """
                {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}
                """,
                """
                {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "4"}}
                """,
                """
                {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 30}}
                """,
                "{\"type\": \"message_stop\"}");

        assertThat(response.usage()).isEqualTo(new TokenUsage(9L, 30L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.Reasoning("2+2 is 4."), new MessagePart.Text("4")), "stop"));
    }

    @Test
    void invocationMetricsFillUsageWhenTheEventsHadNone() {
        InferenceResponse response = stream(FAMILY, false,
                "{\"type\": \"message_start\", \"message\": {\"id\": \"msg_bdrk_04\"}}",
                "{\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"end_turn\"}}",
                """
                {"type": "message_stop", "amazon-bedrock-invocationMetrics": {"inputTokenCount": 7,
                 "outputTokenCount": 3, "cacheReadInputTokenCount": 50, "cacheWriteInputTokenCount": 0}}
                """);

        assertThat(response.usage()).isEqualTo(new TokenUsage(57L, 3L, 50L, 0L, null));
        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.outputMessages()).isEmpty();
    }

    @Test
    void legacyTextCompletionIsRead() {
        InferenceRequest request = request(FAMILY, """
                {"prompt": "\\n\\nHuman: Say hi\\n\\nAssistant:", "max_tokens_to_sample": 300, "temperature": 0.1,
                 "top_k": 250, "top_p": 1, "stop_sequences": ["\\n\\nHuman:"],
                 "anthropic_version": "bedrock-2023-05-31"}
                """, true);
        InferenceResponse response = response(FAMILY, """
                {"type": "completion", "completion": " Hi there!", "stop_reason": "stop_sequence",
                 "stop": "\\n\\nHuman:"}
                """, true);
        InferenceResponse streamed = stream(FAMILY, true,
                "{\"completion\": \" Hi\", \"stop_reason\": null, \"stop\": null}",
                """
                {"completion": " there!", "stop_reason": "stop_sequence", "stop": "\\n\\nHuman:",
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 14, "outputTokenCount": 5}}
                """);

        assertThat(request.maxTokens()).isEqualTo(300L);
        assertThat(request.topP()).isEqualTo(1.0);
        assertThat(request.inputMessages()).containsExactly(
                InputMessage.text("user", "\n\nHuman: Say hi\n\nAssistant:"));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Hi there!")), "stop"));
        assertThat(streamed.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Hi there!")), "stop"));
        assertThat(streamed.usage()).isEqualTo(new TokenUsage(14L, 5L, null, null, null));
    }
}
