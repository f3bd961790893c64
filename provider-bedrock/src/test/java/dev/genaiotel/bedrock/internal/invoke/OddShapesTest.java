package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.PROVIDER;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;
import dev.genaiotel.semconv.message.InputMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies of unexpected shape: every family reads what it can and never throws. */
class OddShapesTest {

    /** Bodies that are not what any family expects, and bodies whose fields have the wrong types or are null. */
    private static final List<String> ODD_BODIES = List.of(
            "null", "42", "\"text\"", "[]", "[{\"type\": \"message_start\"}]", "{}", "true",
            """
            {"messages": "not an array", "system": 5, "max_tokens": "many", "temperature": "hot",
             "top_p": [], "top_k": {}, "stop_sequences": "END", "tools": {"name": "x"}, "prompt": 7,
             "inferenceConfig": [], "textGenerationConfig": "x", "chat_history": {}, "images": "abc",
             "choices": {}, "outputs": "x", "results": 3, "generations": null, "content": "text",
             "usage": [], "meta": 4, "stop_reason": 12, "stopReason": {}, "type": 3}
            """,
            """
            {"messages": [null, 1, "x", {}, {"role": null}, {"role": "user", "content": null},
                          {"role": "user", "content": [null, 1, {}, {"type": null}, {"type": ""},
                            {"type": "image", "source": null}, {"type": "image", "source": {"type": "base64"}},
                            {"type": "image", "source": {"type": "base64", "data": "%%% not base64"}},
                            {"type": "tool_use", "id": 1}, {"type": "tool_result"}, {"type": "thinking"},
                            {"image": {"source": {"bytes": 5}}}, {"toolUse": {}}, {"toolResult": null},
                            {"type": "image_url", "image_url": {"url": "data:image/png;base64"}},
                            {"type": "image_url", "image_url": 3}]},
                          {"role": "assistant", "content": "", "tool_calls": [null, {}, {"function": {"name": 2}}]},
                          {"role": "tool", "tool_call_id": 5}],
             "tools": [null, {}, {"name": 3}, {"type": "bash_20250124", "name": "bash"},
                       {"toolSpec": {"name": null}}, {"function": {"name": "f", "parameters": "x"}}],
             "chat_history": [null, {}, {"role": "USER"}, {"role": 5, "message": "x"}],
             "tool_results": [null, 1, {}], "documents": [null, "x", {"type": "pdf", "title": "t"}],
             "choices": [null, {}, {"index": -4, "message": null}, {"index": 99999999999, "text": 5}],
             "outputs": [null, {}], "results": [null, {"tokenCount": "x"}], "generations": [null, {}]}
            """);

    /** Stream chunks out of order, truncated or of the wrong type. */
    private static final List<String> ODD_CHUNKS = List.of(
            "null", "[]", "{}", "\"x\"",
            "{\"type\": \"content_block_delta\", \"index\": -1, \"delta\": {\"type\": \"input_json_delta\"}}",
            "{\"type\": \"content_block_delta\", \"index\": 99999999999, \"delta\": null}",
            "{\"type\": \"content_block_start\", \"index\": \"x\", \"content_block\": 3}",
            "{\"type\": \"message_delta\", \"delta\": \"x\", \"usage\": \"x\"}",
            "{\"type\": \"message_start\", \"message\": []}",
            "{\"type\": \"message_stop\", \"amazon-bedrock-invocationMetrics\": \"x\"}",
            "{\"type\": \"message_stop\", \"amazon-bedrock-invocationMetrics\": {\"inputTokenCount\": \"x\"}}",
            "{\"contentBlockDelta\": {\"delta\": {\"toolUse\": {\"input\": 5}}, \"contentBlockIndex\": \"x\"}}",
            "{\"contentBlockStart\": {\"start\": {\"toolUse\": null}}}",
            "{\"messageStop\": {\"stopReason\": null}, \"metadata\": {\"usage\": 7}}",
            "{\"choices\": [null, {\"delta\": {\"tool_calls\": [null, {\"index\": \"x\"}]}}]}",
            "{\"choices\": {\"delta\": 1}}",
            "{\"outputs\": [null, 3]}",
            "{\"event_type\": \"tool-calls-generation\", \"tool_calls\": [null, {\"parameters\": 3}]}",
            "{\"event_type\": \"stream-end\", \"response\": null}",
            "{\"generation\": 5, \"stop_reason\": [], \"prompt_token_count\": 1.5}",
            "{\"outputText\": null, \"index\": \"zero\", \"completionReason\": 7}");

    @Test
    void oddRequestBodiesNeverThrow() {
        for (ModelFamily family : AllFamilies.LIST) {
            for (String body : ODD_BODIES) {
                for (boolean capture : new boolean[] {false, true}) {
                    assertThatCode(() -> Bodies.request(family, body, capture))
                            .as(family + " " + body).doesNotThrowAnyException();
                }
                assertThatCode(() -> family.readEmbeddingsRequest(json(body), PROVIDER, "m"))
                        .as(family + " " + body).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void oddResponseBodiesNeverThrow() {
        for (ModelFamily family : AllFamilies.LIST) {
            for (String body : ODD_BODIES) {
                for (boolean capture : new boolean[] {false, true}) {
                    assertThatCode(() -> Bodies.response(family, body, capture))
                            .as(family + " " + body).doesNotThrowAnyException();
                }
                assertThatCode(() -> family.readEmbeddingsResponse(json(body)))
                        .as(family + " " + body).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void oddStreamChunksNeverThrow() {
        for (ModelFamily family : AllFamilies.LIST) {
            List<String> chunks = new ArrayList<>(ODD_CHUNKS);
            chunks.addAll(ODD_BODIES);
            for (boolean capture : new boolean[] {false, true}) {
                assertThatCode(() -> Bodies.stream(family, capture, chunks.toArray(String[]::new)))
                        .as(family.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void missingAndNullNodesNeverThrow() {
        for (ModelFamily family : AllFamilies.LIST) {
            for (JsonNode node : new JsonNode[] {MissingNode.getInstance(), NullNode.getInstance()}) {
                assertThatCode(() -> {
                    family.readRequest(node, InferenceRequest.builder(family.operationName(), PROVIDER));
                    family.systemInstructions(node);
                    family.inputMessages(node);
                    family.toolDefinitions(node);
                    family.readResponse(node);
                    family.outputMessages(node);
                    family.readStreamChunk(node, new StreamAccumulator(true, 1000));
                    family.readEmbeddingsRequest(node, PROVIDER, null);
                    family.readEmbeddingsResponse(node);
                }).as(family.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void wrongTypesAreLeftOutWhileGoodFieldsAreKept() {
        InferenceRequest request = Bodies.request(ModelFamilies.ANTHROPIC, """
                {"max_tokens": "1024", "temperature": 0.2, "top_k": 1.5, "top_p": null,
                 "stop_sequences": ["a", 3, null, "b"],
                 "messages": [{"role": "user", "content": [{"type": "text", "text": 5},
                                                          {"type": "text", "text": "kept"}]}]}
                """, true);

        assertThat(request.maxTokens()).isNull();
        assertThat(request.temperature()).isEqualTo(0.2);
        assertThat(request.topK()).isNull();
        assertThat(request.topP()).isNull();
        assertThat(request.stopSequences()).containsExactly("a", "b");
        assertThat(request.inputMessages()).containsExactly(InputMessage.text("user", "kept"));
    }

    @Test
    void invalidBase64ImageIsLeftOut() {
        InferenceRequest request = Bodies.request(ModelFamilies.ANTHROPIC, """
                {"messages": [{"role": "user", "content": [
                   {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "%%%"}},
                   {"type": "text", "text": "What is it?"}]}]}
                """, true);

        assertThat(request.inputMessages()).containsExactly(InputMessage.text("user", "What is it?"));
    }

    @Test
    void unknownContentBlockBecomesAGenericPartWithoutItsData() {
        InferenceRequest request = Bodies.request(ModelFamilies.ANTHROPIC, """
                {"messages": [{"role": "assistant", "content": [
                   {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"}]}]}
                """, true);

        assertThat(request.inputMessages().get(0).parts().get(0).type()).isEqualTo("redacted_thinking");
        assertThat(request.inputMessages().get(0).parts().get(0))
                .isEqualTo(new dev.genaiotel.semconv.message.MessagePart.GenericPart("redacted_thinking",
                        java.util.Map.of()));
    }

    @Test
    void streamWithoutAFinishReasonEndsInError() {
        InferenceResponse response = Bodies.stream(ModelFamilies.ANTHROPIC, true,
                "{\"type\": \"message_start\", \"message\": {\"id\": \"msg_1\"}}",
                """
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hal"}}
                """);

        assertThat(response.finishReasons()).containsExactly("error");
        assertThat(response.outputMessages().get(0).finishReason()).isEqualTo("error");
    }

    @Test
    void unknownFamilyReadsNothing() {
        InferenceRequest request = Bodies.request(ModelFamilies.UNKNOWN,
                "{\"prompt\": \"hi\", \"max_tokens\": 10, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                true);
        InferenceResponse response = Bodies.response(ModelFamilies.UNKNOWN,
                "{\"id\": \"x\", \"choices\": [{\"text\": \"hi\", \"finish_reason\": \"stop\"}]}", true);
        InferenceResponse streamed = Bodies.stream(ModelFamilies.UNKNOWN, true,
                "{\"choices\": [{\"text\": \"hi\", \"finish_reason\": \"stop\"}]}");

        assertThat(request.maxTokens()).isNull();
        assertThat(request.inputMessages()).isEmpty();
        assertThat(response).isEqualTo(InferenceResponse.empty());
        assertThat(streamed.finishReasons()).isEmpty();
        assertThat(streamed.usage()).isNull();
    }
}
