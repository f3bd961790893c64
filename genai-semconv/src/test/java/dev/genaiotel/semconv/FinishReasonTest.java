package dev.genaiotel.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinishReasonTest {

    @ParameterizedTest(name = "{0} stays {0}")
    @ValueSource(strings = {"stop", "length", "content_filter", "tool_call", "compaction", "error"})
    void semconvValuesAreReturnedAsTheSameInstance(String reason) {
        assertThat(FinishReason.normalize(reason)).isSameAs(reason);
    }

    @ParameterizedTest(name = "OpenAI {0} -> {1}")
    @CsvSource({
        "tool_calls, tool_call",
        "function_call, tool_call",
        "max_output_tokens, length",
    })
    void openAiReasonsAreNormalised(String provider, String expected) {
        assertThat(FinishReason.normalize(provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Anthropic/Bedrock {0} -> {1}")
    @CsvSource({
        "end_turn, stop",
        "stop_sequence, stop",
        "tool_use, tool_call",
        "max_tokens, length",
        "model_context_window_exceeded, length",
        "guardrail_intervened, content_filter",
        "content_filtered, content_filter",
        "refusal, content_filter",
    })
    void anthropicAndBedrockReasonsAreNormalised(String provider, String expected) {
        assertThat(FinishReason.normalize(provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Gemini {0} -> {1}")
    @CsvSource({
        "STOP, stop",
        "MAX_TOKENS, length",
        "SAFETY, content_filter",
        "RECITATION, content_filter",
        "BLOCKLIST, content_filter",
        "PROHIBITED_CONTENT, content_filter",
        "SPII, content_filter",
        "MALFORMED_FUNCTION_CALL, error",
    })
    void geminiReasonsAreNormalised(String provider, String expected) {
        assertThat(FinishReason.normalize(provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Cohere {0} -> {1}")
    @CsvSource({
        "COMPLETE, stop",
        "STOP_SEQUENCE, stop",
        "MAX_TOKENS, length",
        "ERROR, error",
        "TOOL_CALL, tool_call",
    })
    void cohereReasonsAreNormalised(String provider, String expected) {
        assertThat(FinishReason.normalize(provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Ollama {0} -> {1}")
    @CsvSource({
        "stop, stop",
        "length, length",
        "load, stop",
        "unload, stop",
    })
    void ollamaReasonsAreNormalised(String provider, String expected) {
        assertThat(FinishReason.normalize(provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} passes through")
    @ValueSource(strings = {"pause_turn", "FINISH_REASON_UNSPECIFIED", "OTHER", "Stop", "TOOL_CALLS", "", " stop"})
    void unknownReasonsAreReturnedUnchanged(String reason) {
        assertThat(FinishReason.normalize(reason)).isSameAs(reason);
    }

    @Test
    void nullIsReturnedAsNull() {
        assertThat(FinishReason.normalize(null)).isNull();
    }

    @Test
    void constantsSpellTheSemconvValues() {
        assertThat(FinishReason.STOP).isEqualTo("stop");
        assertThat(FinishReason.LENGTH).isEqualTo("length");
        assertThat(FinishReason.CONTENT_FILTER).isEqualTo("content_filter");
        assertThat(FinishReason.TOOL_CALL).isEqualTo("tool_call");
        assertThat(FinishReason.COMPACTION).isEqualTo("compaction");
        assertThat(FinishReason.ERROR).isEqualTo("error");
    }
}
