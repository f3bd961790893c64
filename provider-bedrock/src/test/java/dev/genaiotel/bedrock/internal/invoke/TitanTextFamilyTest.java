package dev.genaiotel.bedrock.internal.invoke;

import static dev.genaiotel.bedrock.internal.invoke.Bodies.request;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.response;
import static dev.genaiotel.bedrock.internal.invoke.Bodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amazon Titan Text bodies and stream chunks. */
class TitanTextFamilyTest {

    private static final ModelFamily FAMILY = ModelFamilies.TITAN_TEXT;

    private static final String REQUEST = """
            {"inputText": "User: What is the capital of France?\\nBot:",
             "textGenerationConfig": {"maxTokenCount": 512, "temperature": 0.5, "topP": 0.9,
                                      "stopSequences": ["User:"]}}
            """;

    @Test
    void textGenerationConfigIsRead() {
        InferenceRequest request = request(FAMILY, REQUEST, false);

        assertThat(request.maxTokens()).isEqualTo(512L);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.stopSequences()).containsExactly("User:");
        assertThat(request.inputMessages()).isEmpty();
    }

    @Test
    void inputTextIsTheUserMessageWithContent() {
        assertThat(request(FAMILY, REQUEST, true).inputMessages())
                .containsExactly(InputMessage.text("user", "User: What is the capital of France?\nBot:"));
    }

    @Test
    void responseResultsAndTokenCountsAreRead() {
        InferenceResponse response = response(FAMILY, """
                {"inputTextTokenCount": 9, "results": [
                  {"tokenCount": 6, "outputText": " Paris is the capital.", "completionReason": "FINISH"}]}
                """, true);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(9L, 6L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Paris is the capital.")), "stop"));
    }

    @Test
    void titanCompletionReasonsAreNormalised() {
        InferenceResponse response = response(FAMILY, """
                {"results": [{"completionReason": "LENGTH"}, {"completionReason": "CONTENT_FILTERED"},
                             {"completionReason": "STOP_CRITERIA_MET"}, {"completionReason": null}]}
                """, false);

        assertThat(response.finishReasons()).containsExactly("length", "content_filter", "stop", "error");
    }

    @Test
    void streamIsAccumulated() {
        InferenceResponse response = stream(FAMILY, true,
                """
                {"outputText": " Paris", "index": 0, "totalOutputTextTokenCount": 2, "completionReason": null,
                 "inputTextTokenCount": 9}
                """,
                """
                {"outputText": " is the capital.", "index": 0, "totalOutputTextTokenCount": 6,
                 "completionReason": "FINISH", "inputTextTokenCount": null,
                 "amazon-bedrock-invocationMetrics": {"inputTokenCount": 9, "outputTokenCount": 6,
                                                      "invocationLatency": 510, "firstByteLatency": 230}}
                """);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(9L, 6L, null, null, null));
        assertThat(response.outputMessages()).containsExactly(
                new OutputMessage("assistant", List.of(new MessagePart.Text(" Paris is the capital.")), "stop"));
    }
}
