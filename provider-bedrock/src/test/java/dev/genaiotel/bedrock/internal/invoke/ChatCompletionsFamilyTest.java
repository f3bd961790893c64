package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.request;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.response;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAI-like bodies of AI21 Jamba, DeepSeek R1 and OpenAI gpt-oss. */
class ChatCompletionsFamilyTest {

    private static final ModelFamily JAMBA = ModelFamilies.JAMBA;
    private static final ModelFamily DEEPSEEK = ModelFamilies.DEEPSEEK;
    private static final ModelFamily OPENAI = ModelFamilies.OPENAI;

    @Test
    void jambaRequestIsRead() {
        InferenceRequest request = request(JAMBA, """
                {"messages": [{"role": "system", "content": "Answer in French."},
                              {"role": "user", "content": "Hello"}],
                 "max_tokens": 256, "temperature": 0.4, "top_p": 0.8, "stop": ["\\n\\n"], "n": 2}
                """, true);

        assertThat(request.maxTokens()).isEqualTo(256L);
        assertThat(request.temperature()).isEqualTo(0.4);
        assertThat(request.topP()).isEqualTo(0.8);
        assertThat(request.stopSequences()).containsExactly("\n\n");
        assertThat(request.choiceCount()).isEqualTo(2L);
        assertThat(request.inputMessages()).containsExactly(InputMessage.text("system", "Answer in French."),
                InputMessage.text("user", "Hello"));
    }

    @Test
    void jambaResponseIsRead() {
        InferenceResponse response = response(JAMBA, """
                {"id": "chatcmpl-8b1e0c4a-1c2d", "model": "jamba-1.5-large",
                 "choices": [
                   {"index": 0, "message": {"role": "assistant", "content": "Bonjour !", "tool_calls": null},
                    "finish_reason": "stop"},
                   {"index": 1, "message": {"role": "assistant", "content": "Salut"}, "finish_reason": "length"}],
                 "usage": {"prompt_tokens": 15, "completion_tokens": 6, "total_tokens": 21},
                 "meta": {"requestDurationMillis": 210}}
                """, true);

        assertThat(response.responseId()).isEqualTo("chatcmpl-8b1e0c4a-1c2d");
        assertThat(response.responseModel()).isEqualTo("jamba-1.5-large");
        assertThat(response.finishReasons()).containsExactly("stop", "length");
        assertThat(response.usage()).isEqualTo(new TokenUsage(15L, 6L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Bonjour !")), "stop"),
                new OutputMessage("assistant", List.of(new MessagePart.Text("Salut")), "length"));
    }

    @Test
    void jambaStreamIsAccumulated() {
        InferenceResponse response = stream(JAMBA, true,
                """
                {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"role": "assistant"},
                 "finish_reason": null}]}
                """,
                """
                {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"content": "Bon"}, "finish_reason": null}]}
                """,
                """
                {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"content": "jour"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 15, "completion_tokens": 2, "total_tokens": 17},
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 15, "outputTokenCount": 2,
                                                      "invocationLatency": 150, "firstByteLatency": 60}}
                """);

        assertThat(response.responseId()).isEqualTo("chatcmpl-1");
        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(15L, 2L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Bonjour")), "stop"));
    }

    @Test
    void deepSeekTextCompletionIsRead() {
        InferenceRequest request = request(DEEPSEEK, """
                {"prompt": "<｜begin▁of▁sentence｜><｜User｜>What is 2+2?<｜Assistant｜><think>\\n",
                 "temperature": 0.5, "top_p": 0.9, "max_tokens": 512, "stop": ["<｜end▁of▁sentence｜>"]}
                """, true);
        InferenceResponse response = response(DEEPSEEK, """
                {"choices": [{"text": "2+2 is 4.\\n</think>\\n\\n4", "stop_reason": "stop"}]}
                """, true);

        assertThat(request.maxTokens()).isEqualTo(512L);
        assertThat(request.stopSequences()).containsExactly("<｜end▁of▁sentence｜>");
        assertThat(request.inputMessages()).containsExactly(
                InputMessage.text("user", "<｜begin▁of▁sentence｜><｜User｜>What is 2+2?<｜Assistant｜><think>\n"));
        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.Text("2+2 is 4.\n</think>\n\n4")), "stop"));
    }

    @Test
    void deepSeekStreamIsAccumulated() {
        InferenceResponse response = stream(DEEPSEEK, true,
                "{\"choices\": [{\"text\": \"Four\", \"stop_reason\": null}]}",
                """
                {"choices": [{"text": ".", "stop_reason": "length"}],
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 12, "outputTokenCount": 2,
                                                      "invocationLatency": 900, "firstByteLatency": 400}}
                """);

        assertThat(response.finishReasons()).containsExactly("length");
        assertThat(response.usage()).isEqualTo(new TokenUsage(12L, 2L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Four.")), "length"));
    }

    @Test
    void openAiResponseWithReasoningAndStreamedToolCallIsRead() {
        InferenceResponse response = response(OPENAI, """
                {"id": "chatcmpl-gptoss-1", "object": "chat.completion", "model": "openai.gpt-oss-120b-1:0",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "4",
                              "reasoning_content": "Simple sum."}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 30, "completion_tokens": 12, "total_tokens": 42,
                           "prompt_tokens_details": {"cached_tokens": 16}}}
                """, true);
        InferenceResponse streamed = stream(OPENAI, true,
                """
                {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                  "function": {"name": "add", "arguments": ""}}]}}]}
                """,
                """
                {"choices": [{"index": 0,
                  "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{\\"a\\":2}"}}]},
                  "finish_reason": "tool_calls"}]}
                """);

        assertThat(response.usage()).isEqualTo(new TokenUsage(30L, 12L, 16L, null, null));
        assertThat(response.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.Reasoning("Simple sum."), new MessagePart.Text("4")), "stop"));
        assertThat(streamed.outputMessages()).containsExactly(new OutputMessage("assistant",
                List.of(new MessagePart.ToolCallRequest("call_1", "add", "{\"a\":2}")), "tool_call"));
    }

    @Test
    void dataUrlImagesBecomeBlobsAndOtherUrlsUris() {
        InferenceRequest request = request(OPENAI, """
                {"messages": [{"role": "user", "content": [
                   {"type": "text", "text": "Compare"},
                   {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                   {"type": "image_url", "image_url": {"url": "https://example.com/b.jpg"}}]}]}
                """, true);

        assertThat(request.inputMessages()).containsExactly(new InputMessage("user", List.of(
                new MessagePart.Text("Compare"),
                new MessagePart.Blob("image/png", Modality.IMAGE, Bodies.pngBytes()),
                new MessagePart.Uri(null, Modality.IMAGE, "https://example.com/b.jpg"))));
    }
}
