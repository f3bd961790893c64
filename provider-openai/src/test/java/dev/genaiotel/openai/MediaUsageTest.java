package dev.genaiotel.openai;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_INPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_OUTPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.chat.completions.ChatCompletionAudioParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.Tool;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

/**
 * Usage OpenAI reports in images rather than tokens: each image the Responses API's {@code image_generation} tool
 * returned is counted as {@code gen_ai.usage.image.output_count} (ours). Chat Completions audio answers carry an id,
 * the audio, its expiry and a transcript, but no duration, so no audio seconds are recorded.
 */
class MediaUsageTest extends WireMockFixture {

    /** A 1x1 PNG, standing in for the base64 image the API returns in {@code result}. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKm"
            + "MIQAAAAAASUVORK5CYII=";

    /** gpt-4.1 with the image_generation tool: one image made, one call that failed, and a message. */
    private static final String IMAGE_RESPONSE = """
            {
              "id": "resp_68a1c7f6e3a48191a5b2f0a9b2c3d4e5",
              "object": "response",
              "created_at": 1755432950,
              "status": "completed",
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "model": "gpt-4.1-2025-04-14",
              "output": [
                {
                  "id": "ig_68a1c7fa13a08191b7c8d9e0f1a2b3c4",
                  "type": "image_generation_call",
                  "status": "completed",
                  "background": "opaque",
                  "output_format": "png",
                  "quality": "low",
                  "revised_prompt": "A gray tabby cat hugging an otter with an orange scarf",
                  "size": "1024x1024",
                  "result": "%s"
                },
                {
                  "id": "ig_68a1c7fa13a08191b7c8d9e0f1a2b3c5",
                  "type": "image_generation_call",
                  "status": "failed",
                  "result": null
                },
                {
                  "id": "msg_68a1c8021b6c8191a0b1c2d3e4f5a6b7",
                  "type": "message",
                  "status": "completed",
                  "role": "assistant",
                  "content": [{"type": "output_text", "annotations": [], "text": "Here is your picture."}]
                }
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "reasoning": {"effort": null, "summary": null},
              "service_tier": "default",
              "store": true,
              "temperature": 1.0,
              "text": {"format": {"type": "text"}},
              "tool_choice": "auto",
              "tools": [{"type": "image_generation", "background": "auto", "moderation": "auto",
                "output_compression": 100, "output_format": "png", "quality": "low", "size": "1024x1024"}],
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {
                "input_tokens": 2385,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": 33,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": 2418
              },
              "user": null,
              "metadata": {}
            }
            """.formatted(PNG);

    private static ResponseCreateParams drawCat() {
        return ResponseCreateParams.builder()
                .model("gpt-4.1")
                .input("Draw a gray tabby cat hugging an otter with an orange scarf")
                .addTool(Tool.ImageGeneration.builder().quality(Tool.ImageGeneration.Quality.LOW).build())
                .build();
    }

    @Test
    void theImagesTheImageGenerationToolReturnedAreCountedAsOutputImages() {
        stubJson("/responses", 200, IMAGE_RESPONSE);

        client().responses().create(drawCat());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isEqualTo(1L);
        assertThat(attr(span, GEN_AI_USAGE_IMAGE_INPUT_COUNT)).isNull();
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(33L);
    }

    @Test
    void aResponseWithoutImageGenerationRecordsNoImageCount() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        client().responses().create(drawCat());

        assertThat(attr(onlySpan(), GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isNull();
    }

    @Test
    void aFetchedResponseReplaysItsImagesWithoutCountingThemAgain() {
        stubGetJson("/responses/resp_68a1c7f6e3a48191a5b2f0a9b2c3d4e5", 200, IMAGE_RESPONSE);

        client().responses().retrieve("resp_68a1c7f6e3a48191a5b2f0a9b2c3d4e5");

        assertThat(attr(onlySpan(), GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isNull();
    }

    @Test
    void aChatCompletionsAudioAnswerReportsNoSecondsSoNoneAreRecorded() {
        stubJson("/chat/completions", 200, ModalityUsageTest.AUDIO_ANSWER);

        client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-audio-preview")
                .addModality(ChatCompletionCreateParams.Modality.TEXT)
                .addModality(ChatCompletionCreateParams.Modality.AUDIO)
                .audio(ChatCompletionAudioParam.builder().voice("alloy")
                        .format(ChatCompletionAudioParam.Format.WAV).build())
                .addUserMessage("What is the weather in Paris?")
                .build());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(70L);
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_INPUT_SECONDS)).isNull();
        assertThat(attr(span, GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS)).isNull();
    }
}
