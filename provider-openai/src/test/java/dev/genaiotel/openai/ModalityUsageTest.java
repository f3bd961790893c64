package dev.genaiotel.openai;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_TEXT_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAudioParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartInputAudio;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.responses.ResponseCreateParams;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-modality token counts OpenAI reports ({@code prompt_tokens_details} / {@code completion_tokens_details})
 * reach the span as {@code gen_ai.usage.{text,image,audio}.*} and split the v0.1.0 usage counters by
 * {@code gen_ai.token.modality}; a modality OpenAI did not count is never derived.
 */
class ModalityUsageTest extends WireMockFixture {

    /** An audio-in, audio-out answer of gpt-4o-audio-preview, usage as the API reports it today. */
    static final String AUDIO_ANSWER = """
            {
              "id": "chatcmpl-audio-io",
              "object": "chat.completion",
              "created": 1768199869,
              "model": "gpt-4o-audio-preview-2025-06-03",
              "choices": [
                {"index": 0,
                 "message": {"role": "assistant", "content": null, "refusal": null,
                   "audio": {"id": "audio_6964", "expires_at": 1768203470, "data": "UklGRiQAAABXQVZF",
                     "transcript": "It is sunny in Paris."},
                   "annotations": []},
                 "logprobs": null, "finish_reason": "stop"}
              ],
              "usage": {
                "prompt_tokens": 74,
                "completion_tokens": 70,
                "total_tokens": 144,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 59, "text_tokens": 15,
                  "image_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 58,
                  "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0, "text_tokens": 12}
              },
              "system_fingerprint": "fp_a1c804aea4"
            }
            """;

    /** The same answer in the older shape, which counts audio tokens but not text tokens. */
    static final String AUDIO_ANSWER_WITHOUT_TEXT_COUNTS = AUDIO_ANSWER
            .replaceAll(",\\s*\"text_tokens\": 15,\\s*\"image_tokens\": 0", "")
            .replace(", \"text_tokens\": 12", "");

    /** The usage-only last chunk of a streamed audio answer asked with {@code include_usage}. */
    private static final String AUDIO_STREAM = Payloads.sse(
            "{\"id\":\"chatcmpl-a2\",\"object\":\"chat.completion.chunk\",\"created\":1768199869,"
                    + "\"model\":\"gpt-4o-audio-preview-2025-06-03\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"role\":\"assistant\",\"content\":null,\"refusal\":null},\"finish_reason\":null}],"
                    + "\"usage\":null}",
            "{\"id\":\"chatcmpl-a2\",\"object\":\"chat.completion.chunk\",\"created\":1768199869,"
                    + "\"model\":\"gpt-4o-audio-preview-2025-06-03\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"audio\":{\"id\":\"audio_6965\",\"transcript\":\"Sunny.\"}},\"finish_reason\":null}],"
                    + "\"usage\":null}",
            "{\"id\":\"chatcmpl-a2\",\"object\":\"chat.completion.chunk\",\"created\":1768199869,"
                    + "\"model\":\"gpt-4o-audio-preview-2025-06-03\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"id\":\"chatcmpl-a2\",\"object\":\"chat.completion.chunk\",\"created\":1768199869,"
                    + "\"model\":\"gpt-4o-audio-preview-2025-06-03\",\"choices\":[],\"usage\":{"
                    + "\"prompt_tokens\":74,\"completion_tokens\":30,\"total_tokens\":104,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":59,\"text_tokens\":15,"
                    + "\"image_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                    + "\"audio_tokens\":24,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0,"
                    + "\"text_tokens\":6}}}");

    private static ChatCompletionCreateParams audioQuestion() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-audio-preview")
                .modalities(List.of(ChatCompletionCreateParams.Modality.TEXT,
                        ChatCompletionCreateParams.Modality.AUDIO))
                .audio(ChatCompletionAudioParam.builder().voice("alloy")
                        .format(ChatCompletionAudioParam.Format.WAV).build())
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                                .text("Answer the question in this recording.").build()),
                        ChatCompletionContentPart.ofInputAudio(ChatCompletionContentPartInputAudio.builder()
                                .inputAudio(ChatCompletionContentPartInputAudio.InputAudio.builder()
                                        .data("UklGRiQAAABXQVZF")
                                        .format(ChatCompletionContentPartInputAudio.InputAudio.Format.WAV)
                                        .build())
                                .build())))
                .build();
    }

    /** The points of a v0.1.0 usage counter by {@code gen_ai.token.modality}. */
    private Map<String, Long> byModality(String counter) {
        Map<String, Long> values = new HashMap<>();
        MetricData data = metric(counter);
        for (LongPointData point : data.getLongSumData().getPoints()) {
            values.put(point.getAttributes().get(GenAiAttributes.GEN_AI_TOKEN_MODALITY), point.getValue());
        }
        return values;
    }

    /** The names of the span's per-modality usage attributes. */
    private static List<String> modalityKeys(SpanData span) {
        return span.getAttributes().asMap().keySet().stream().map(AttributeKey::getKey)
                .filter(key -> key.matches("gen_ai\\.usage\\.(text|image|audio)\\..*"))
                .toList();
    }

    @Test
    void theSpanCarriesEachModalityOpenAiCounted() {
        stubJson("/chat/completions", 200, AUDIO_ANSWER);

        ChatCompletion answer = client().chat().completions().create(audioQuestion());

        SpanData span = onlySpan();
        assertThat(answer.usage().orElseThrow().promptTokens()).isEqualTo(74);
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(74L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(70L);
        assertThat(attr(span, GEN_AI_USAGE_TEXT_INPUT_TOKENS)).isEqualTo(15L);
        assertThat(attr(span, GEN_AI_USAGE_TEXT_OUTPUT_TOKENS)).isEqualTo(12L);
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_INPUT_TOKENS)).isEqualTo(59L);
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS)).isEqualTo(58L);
        assertThat(modalityKeys(span)).containsExactlyInAnyOrder("gen_ai.usage.text.input_tokens",
                "gen_ai.usage.text.output_tokens", "gen_ai.usage.audio.input_tokens",
                "gen_ai.usage.audio.output_tokens");
    }

    @Test
    void theUsageCountersAreSplitByTheModalitiesOpenAiCounted() {
        stubJson("/chat/completions", 200, AUDIO_ANSWER);

        client().chat().completions().create(audioQuestion());

        assertThat(byModality("gen_ai.client.inference.usage.input_tokens"))
                .isEqualTo(Map.of("text", 15L, "audio", 59L));
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens"))
                .isEqualTo(Map.of("text", 12L, "audio", 58L));
    }

    @Test
    void aModalityOpenAiDidNotCountIsNotDerivedFromTheTotal() {
        assertThat(AUDIO_ANSWER_WITHOUT_TEXT_COUNTS).doesNotContain("text_tokens").contains("\"audio_tokens\": 59");
        stubJson("/chat/completions", 200, AUDIO_ANSWER_WITHOUT_TEXT_COUNTS);

        client().chat().completions().create(audioQuestion());

        SpanData span = onlySpan();
        assertThat(modalityKeys(span)).containsExactlyInAnyOrder("gen_ai.usage.audio.input_tokens",
                "gen_ai.usage.audio.output_tokens");
        assertThat(byModality("gen_ai.client.inference.usage.input_tokens"))
                .isEqualTo(Map.of("audio", 59L, "unknown", 15L));
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens"))
                .isEqualTo(Map.of("audio", 58L, "unknown", 12L));
    }

    @Test
    void theZeroAudioCountsOfATextAnswerAddNoModality() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("What is the capital of France?").build());

        SpanData span = onlySpan();
        assertThat(modalityKeys(span)).isEmpty();
        assertThat(attr(span, GEN_AI_USAGE_IMAGE_INPUT_TOKENS)).isNull();
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_CACHE_READ_INPUT_TOKENS)).isNull();
        assertThat(byModality("gen_ai.client.inference.usage.input_tokens")).isEqualTo(Map.of("unknown", 1117L));
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens")).isEqualTo(Map.of("unknown", 46L));
    }

    @Test
    void aStreamedAnswerTakesItsModalitiesFromTheUsageChunk() {
        stubSse("/chat/completions", AUDIO_STREAM);
        ChatCompletionCreateParams streamed = audioQuestion().toBuilder()
                .audio(ChatCompletionAudioParam.builder().voice("alloy")
                        .format(ChatCompletionAudioParam.Format.PCM16).build())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(streamed)) {
            assertThat(stream.stream().count()).isEqualTo(4);
        }

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_OUTPUT_TOKENS)).isEqualTo(24L);
        assertThat(attr(span, GEN_AI_USAGE_TEXT_OUTPUT_TOKENS)).isEqualTo(6L);
        assertThat(byModality("gen_ai.client.inference.usage.input_tokens"))
                .isEqualTo(Map.of("text", 15L, "audio", 59L));
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens"))
                .isEqualTo(Map.of("text", 6L, "audio", 24L));
    }

    @Test
    void theResponsesApiReportsNoModalitySoItsTokensAreUnknown() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        client().responses().create(ResponseCreateParams.builder().model("gpt-4o").input("Hi").build());

        assertThat(modalityKeys(onlySpan())).isEmpty();
        assertThat(byModality("gen_ai.client.inference.usage.input_tokens")).containsOnlyKeys("unknown");
        assertThat(byModality("gen_ai.client.inference.usage.output_tokens")).containsOnlyKeys("unknown");
    }
}
