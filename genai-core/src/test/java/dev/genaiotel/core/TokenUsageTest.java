package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void openAiChatCompletionsUsageKeepsCachedTokensInsideInput() {
        assertThat(TokenUsage.from(Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150,
                        "prompt_tokens_details", Map.of("cached_tokens", 30),
                        "completion_tokens_details", Map.of("reasoning_tokens", 20))))
                .isEqualTo(new TokenUsage(100L, 50L, 30L, null, 20L));
    }

    @Test
    void openAiResponsesUsageIsReadFromItsDetails() {
        assertThat(TokenUsage.from(Map.of("input_tokens", 10, "output_tokens", 4,
                        "input_tokens_details", Map.of("cached_tokens", 2),
                        "output_tokens_details", Map.of("reasoning_tokens", 1))))
                .isEqualTo(new TokenUsage(10L, 4L, 2L, null, 1L));
    }

    @Test
    void anthropicUsageAddsCacheReadsAndWritesToInput() {
        assertThat(TokenUsage.from(Map.of("input_tokens", 10, "output_tokens", 5,
                        "cache_read_input_tokens", 100, "cache_creation_input_tokens", 20)))
                .isEqualTo(new TokenUsage(130L, 5L, 100L, 20L, null));
    }

    @Test
    void bedrockUsageAddsCacheReadsAndWritesToInput() {
        assertThat(TokenUsage.from(Map.of("inputTokens", 7, "outputTokens", 3, "totalTokens", 10,
                        "cacheReadInputTokens", 40, "cacheWriteInputTokens", 2)))
                .isEqualTo(new TokenUsage(49L, 3L, 40L, 2L, null));
    }

    @Test
    void ollamaUsageMapsEvalCounts() {
        assertThat(TokenUsage.from(Map.of("prompt_eval_count", 26, "eval_count", 290, "done", true)))
                .isEqualTo(new TokenUsage(26L, 290L, null, null, null));
    }

    @Test
    void unknownShapesAndNonMapsGiveNull() {
        assertThat(TokenUsage.from(Map.of("tokens", 5))).isNull();
        assertThat(TokenUsage.from("prompt_tokens=5")).isNull();
        assertThat(TokenUsage.from(null)).isNull();
    }

    @Test
    void sumsAreTakenCountByCount() {
        assertThat(TokenUsage.of(1, 2).plus(new TokenUsage(3L, null, 4L, null, null)))
                .isEqualTo(new TokenUsage(4L, 2L, 4L, null, null));
    }
}
