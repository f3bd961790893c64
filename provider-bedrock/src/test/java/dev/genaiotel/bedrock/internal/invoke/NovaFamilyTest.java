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

/** Amazon Nova's messages-v1 bodies and stream chunks. */
class NovaFamilyTest {

    private static final ModelFamily FAMILY = ModelFamilies.NOVA;

    private static final String TOOL_ROUND_TRIP_REQUEST = """
            {
              "schemaVersion": "messages-v1",
              "system": [{"text": "You are a radio assistant."}],
              "messages": [
                {"role": "user", "content": [
                  {"text": "Most popular song on WZPZ?"},
                  {"image": {"format": "png", "source": {"bytes": "iVBORw0KGgo="}}},
                  {"video": {"format": "mp4", "source": {"s3Location": {"uri": "s3://bucket/clip.mp4"}}}}
                ]},
                {"role": "assistant", "content": [
                  {"reasoningContent": {"reasoningText": {"text": "Call top_song."}}},
                  {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "top_song",
                               "input": {"sign": "WZPZ"}}}
                ]},
                {"role": "user", "content": [
                  {"toolResult": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
                                  "content": [{"json": {"song": "Elemental Hotel", "artist": "8 Storey Hike"}}]}}
                ]}
              ],
              "inferenceConfig": {"maxTokens": 500, "temperature": 0.7, "topP": 0.9, "topK": 20,
                                  "stopSequences": ["END"]},
              "toolConfig": {"tools": [{"toolSpec": {"name": "top_song", "description": "Most popular song",
                "inputSchema": {"json": {"type": "object", "properties": {"sign": {"type": "string"}}}}}}]}
            }
            """;

    @Test
    void inferenceConfigIsReadWithoutContent() {
        InferenceRequest request = request(FAMILY, TOOL_ROUND_TRIP_REQUEST, false);

        assertThat(request.maxTokens()).isEqualTo(500L);
        assertThat(request.temperature()).isEqualTo(0.7);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.topK()).isEqualTo(20L);
        assertThat(request.stopSequences()).containsExactly("END");
        assertThat(request.inputMessages()).isEmpty();
        assertThat(request.systemInstructions()).isEmpty();
    }

    @Test
    void snakeCaseInferenceConfigIsReadToo() {
        InferenceRequest request = request(FAMILY, """
                {"messages": [], "inferenceConfig": {"max_new_tokens": 300, "top_p": 0.5, "top_k": 40}}
                """, false);

        assertThat(request.maxTokens()).isEqualTo(300L);
        assertThat(request.topP()).isEqualTo(0.5);
        assertThat(request.topK()).isEqualTo(40L);
    }

    @Test
    void systemMessagesAndToolsAreReadWithContent() {
        InferenceRequest request = request(FAMILY, TOOL_ROUND_TRIP_REQUEST, true);

        assertThat(request.systemInstructions()).containsExactly(new MessagePart.Text("You are a radio assistant."));
        assertThat(request.inputMessages()).containsExactly(
                new InputMessage("user", List.of(new MessagePart.Text("Most popular song on WZPZ?"),
                        new MessagePart.Blob("image/png", Modality.IMAGE, Bodies.pngBytes()),
                        new MessagePart.Uri("video/mp4", Modality.VIDEO, "s3://bucket/clip.mp4"))),
                new InputMessage("assistant", List.of(new MessagePart.Reasoning("Call top_song."),
                        new MessagePart.ToolCallRequest("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "top_song",
                                Map.of("sign", "WZPZ")))),
                new InputMessage("user", List.of(new MessagePart.ToolCallResponse("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
                        Map.of("song", "Elemental Hotel", "artist", "8 Storey Hike")))));
        assertThat(request.toolDefinitions()).containsExactly(new FunctionToolDefinition("top_song",
                "Most popular song", Map.of("type", "object", "properties", Map.of("sign", Map.of("type", "string")))));
    }

    @Test
    void responseCountsCacheIntoInputTokens() {
        InferenceResponse response = response(FAMILY, """
                {"output": {"message": {"role": "assistant", "content": [{"text": "Elemental Hotel."}]}},
                 "stopReason": "end_turn",
                 "usage": {"inputTokens": 125, "outputTokens": 60, "totalTokens": 185,
                           "cacheReadInputTokenCount": 1000, "cacheWriteInputTokenCount": 20}}
                """, true);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(1145L, 60L, 1000L, 20L, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Elemental Hotel.")), "stop"));
    }

    @Test
    void responseWithToolUseEndsInToolCall() {
        InferenceResponse response = response(FAMILY, """
                {"output": {"message": {"role": "assistant", "content": [
                   {"toolUse": {"toolUseId": "tooluse_1", "name": "top_song", "input": {"sign": "WZPZ"}}}]}},
                 "stopReason": "tool_use", "usage": {"inputTokens": 10, "outputTokens": 5}}
                """, true);

        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest("tooluse_1", "top_song", Map.of("sign", "WZPZ"))),
                "tool_call"));
    }

    @Test
    void novaStopReasonsAreNormalised() {
        assertThat(response(FAMILY, "{\"stopReason\": \"content_filtered\"}", false).finishReasons())
                .containsExactly("content_filter");
        assertThat(response(FAMILY, "{\"stopReason\": \"guardrail_intervened\"}", false).finishReasons())
                .containsExactly("content_filter");
        assertThat(response(FAMILY, "{\"stopReason\": \"malformed_tool_use\"}", false).finishReasons())
                .containsExactly("error");
        assertThat(response(FAMILY, "{\"stopReason\": \"max_tokens\"}", false).finishReasons())
                .containsExactly("length");
    }

    @Test
    void streamOfTextAndToolUseIsAccumulated() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"messageStart": {"role": "assistant"}}
                """,
                """
                {"contentBlockDelta": {"delta": {"text": "Let me"}, "contentBlockIndex": 0}}
                """,
                """
                {"contentBlockDelta": {"delta": {"text": " look."}, "contentBlockIndex": 0}}
                """,
                """
                {"contentBlockStop": {"contentBlockIndex": 0}}
                """,
                """
                {"contentBlockStart": {"start": {"toolUse": {"toolUseId": "tooluse_abc", "name": "top_song"}},
                 "contentBlockIndex": 1}}
                """,
                """
                {"contentBlockDelta": {"delta": {"toolUse": {"input": "{\\"sign\\":\\"WZPZ\\"}"}},
                 "contentBlockIndex": 1}}
                """,
                """
                {"contentBlockStop": {"contentBlockIndex": 1}}
                """,
                """
                {"messageStop": {"stopReason": "tool_use"}}
                """,
                """
                {"metadata": {"usage": {"inputTokens": 100, "outputTokens": 20, "cacheReadInputTokenCount": 400},
                              "metrics": {}, "trace": {}},
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 100, "outputTokenCount": 20,
                                                      "invocationLatency": 800, "firstByteLatency": 200}}
                """);

        assertThat(response.finishReasons()).containsExactly("tool_call");
        assertThat(response.usage()).isEqualTo(new TokenUsage(500L, 20L, 400L, null, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant", List.of(
                new MessagePart.Text("Let me look."),
                new MessagePart.ToolCallRequest("tooluse_abc", "top_song", "{\"sign\":\"WZPZ\"}")), "tool_call"));
    }

    @Test
    void streamedReasoningIsKeptApartFromText() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"contentBlockDelta": {"delta": {"reasoningContent": {"text": "Thinking."}}, "contentBlockIndex": 0}}
                """,
                """
                {"contentBlockDelta": {"delta": {"text": "Done."}, "contentBlockIndex": 1}}
                """,
                """
                {"messageStop": {"stopReason": "end_turn"}}
                """);

        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.Reasoning("Thinking."), new MessagePart.Text("Done.")), "stop"));
    }
}
