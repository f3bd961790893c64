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

/** Meta Llama bodies and stream chunks. */
class LlamaFamilyTest {

    private static final ModelFamily FAMILY = ModelFamilies.LLAMA;

    private static final String PROMPT = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n";

    private static final String REQUEST = """
            {"prompt": "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nHi<|eot_id|>\
            <|start_header_id|>assistant<|end_header_id|>\\n\\n",
             "max_gen_len": 512, "temperature": 0.5, "top_p": 0.9}
            """;

    @Test
    void generationParametersAreRead() {
        InferenceRequest request = request(FAMILY, REQUEST, false);

        assertThat(request.maxTokens()).isEqualTo(512L);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.inputMessages()).isEmpty();
    }

    @Test
    void promptIsTheUserMessageWithContent() {
        assertThat(request(FAMILY, REQUEST, true).inputMessages()).containsExactly(InputMessage.text("user", PROMPT));
    }

    @Test
    void visionImagesBecomeBlobsWithSniffedMimeType() {
        InferenceRequest request = request(FAMILY, """
                {"prompt": "<|image|>What is this?", "images": ["iVBORw0KGgo=", "not base64!"]}
                """, true);

        assertThat(request.inputMessages()).containsExactly(new InputMessage("user", List.of(
                new MessagePart.Text("<|image|>What is this?"),
                new MessagePart.Blob("image/png", Modality.IMAGE, Bodies.pngBytes()))));
    }

    @Test
    void responseIsRead() {
        InferenceResponse response = response(FAMILY, """
                {"generation": "Hello! How can I help?", "prompt_token_count": 20, "generation_token_count": 7,
                 "stop_reason": "stop"}
                """, true);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(20L, 7L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Hello! How can I help?")), "stop"));
    }

    @Test
    void truncatedGenerationEndsInLength() {
        assertThat(response(FAMILY, "{\"generation\": \"Once\", \"stop_reason\": \"length\"}", false)
                .finishReasons()).containsExactly("length");
    }

    @Test
    void streamIsAccumulated() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"generation": "Hello", "prompt_token_count": 20, "generation_token_count": 1, "stop_reason": null}
                """,
                """
                {"generation": "!", "prompt_token_count": null, "generation_token_count": 2, "stop_reason": null}
                """,
                """
                {"generation": "", "prompt_token_count": null, "generation_token_count": 3, "stop_reason": "stop",
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 20, "outputTokenCount": 3,
                                                      "invocationLatency": 300, "firstByteLatency": 120}}
                """);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(20L, 3L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text("Hello!")), "stop"));
    }
}
