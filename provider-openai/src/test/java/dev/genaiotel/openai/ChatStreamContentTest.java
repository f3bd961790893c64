package dev.genaiotel.openai;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONTENT_TRUNCATED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionAudioParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Streamed refusals and audio end up in the output messages as the non-streamed answer's parts. */
class ChatStreamContentTest extends WireMockFixture {

    private static final String HEAD = "{\"id\":\"chatcmpl-r1\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"fp_f9f4fb6dbf\",\"choices\":";

    private static final String AUDIO_HEAD = "{\"id\":\"chatcmpl-a1\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1741570283,\"model\":\"gpt-4o-audio-preview-2024-12-17\",\"choices\":";

    private static String chunk(String head, String delta, String finishReason) {
        return head + "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    /** A refusal as the API streams it: an empty refusal with the role, then its pieces, then the finish. */
    private static final String REFUSAL_STREAM = Payloads.sse(
            chunk(HEAD, "{\"role\":\"assistant\",\"content\":null,\"refusal\":\"\"}", null),
            chunk(HEAD, "{\"refusal\":\"I'm sorry, \"}", null),
            chunk(HEAD, "{\"refusal\":\"I can't help with that.\"}", null),
            chunk(HEAD, "{}", "stop"));

    /** Audio output as the API streams it: id and transcript pieces, then base64 data pieces, then the expiry. */
    private static final String AUDIO_STREAM = Payloads.sse(
            chunk(AUDIO_HEAD, "{\"role\":\"assistant\",\"content\":null,\"refusal\":null}", null),
            chunk(AUDIO_HEAD, "{\"audio\":{\"id\":\"audio_abc123\",\"transcript\":\"Hello\"}}", null),
            chunk(AUDIO_HEAD, "{\"audio\":{\"transcript\":\" there!\"}}", null),
            chunk(AUDIO_HEAD, "{\"audio\":{\"data\":\"UklGRiQA\"}}", null),
            chunk(AUDIO_HEAD, "{\"audio\":{\"data\":\"AABXQVZF\"}}", null),
            chunk(AUDIO_HEAD, "{\"audio\":{\"id\":\"audio_abc123\",\"expires_at\":1741573883}}", null),
            chunk(AUDIO_HEAD, "{}", "stop"));

    private static final String REFUSAL_OUTPUT = "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"refusal\","
            + "\"content\":\"I'm sorry, I can't help with that.\"}],\"finish_reason\":\"stop\"}]";

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Help me pick a lock.").build();
    }

    private static ChatCompletionCreateParams audioParams() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-audio-preview")
                .modalities(List.of(ChatCompletionCreateParams.Modality.TEXT,
                        ChatCompletionCreateParams.Modality.AUDIO))
                .audio(ChatCompletionAudioParam.builder().voice("alloy")
                        .format(ChatCompletionAudioParam.Format.PCM16).build())
                .addUserMessage("Say hello.")
                .build();
    }

    private static List<ChatCompletionChunk> drain(StreamResponse<ChatCompletionChunk> stream) {
        try (stream) {
            return stream.stream().collect(Collectors.toList());
        }
    }

    /** Streams with {@code client}, checks the caller saw what the raw client shows, returns the span. */
    private SpanData streamed(OpenAIClient client, ChatCompletionCreateParams params) {
        List<ChatCompletionChunk> instrumented = drain(client.chat().completions().createStreaming(params));
        List<ChatCompletionChunk> raw = drain(rawClient.chat().completions().createStreaming(params));
        assertThat(instrumented).isEqualTo(raw).isNotEmpty();
        SpanData span = onlySpan();
        spans.reset();
        return span;
    }

    /** The span of the same answer, not streamed. */
    private SpanData notStreamed(OpenAIClient client, String completion, ChatCompletionCreateParams params) {
        stubJson("/chat/completions", 200, completion);
        client.chat().completions().create(params);
        SpanData span = onlySpan();
        spans.reset();
        return span;
    }

    @Test
    void streamedRefusalIsTheRefusalPartOfTheNonStreamedAnswer() {
        stubSse("/chat/completions", REFUSAL_STREAM);

        SpanData span = streamed(client(ContentCapture.SPAN_ONLY), params());

        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(REFUSAL_OUTPUT);
        SpanData whole = notStreamed(client(ContentCapture.SPAN_ONLY), Payloads.CHAT_COMPLETION_REFUSAL, params());
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(attr(whole, GEN_AI_OUTPUT_MESSAGES));
    }

    @Test
    void streamedRefusalIsNotReadWithoutContentCapture() {
        stubSse("/chat/completions", REFUSAL_STREAM);

        SpanData span = streamed(client(), params());

        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void refusalGoesToItsOwnChoice() {
        stubSse("/chat/completions", Payloads.sse(
                HEAD + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                        + "\"logprobs\":null,\"finish_reason\":null},{\"index\":1,\"delta\":{\"role\":\"assistant\","
                        + "\"content\":null,\"refusal\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
                HEAD + "[{\"index\":1,\"delta\":{\"refusal\":\"No.\"},\"logprobs\":null,\"finish_reason\":null}]}",
                HEAD + "[{\"index\":0,\"delta\":{\"content\":\"Use a key.\"},\"logprobs\":null,"
                        + "\"finish_reason\":null}]}",
                HEAD + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"},{\"index\":1,"
                        + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}"));

        SpanData span = streamed(client(ContentCapture.SPAN_ONLY), params().toBuilder().n(2L).build());

        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop", "stop");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Use a key.\"}],\"finish_reason\":\"stop\"},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"refusal\",\"content\":\"No.\"}],"
                + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void streamedAudioIsTheBlobOfTheNonStreamedAnswer() {
        stubSse("/chat/completions", AUDIO_STREAM);

        SpanData span = streamed(clientKeepingBlobs(), audioParams());

        assertThat(attr(span, GEN_AI_OUTPUT_TYPE)).isEqualTo("speech");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"blob\",\"mime_type\":\"audio/pcm\",\"modality\":\"audio\","
                + "\"content\":\"UklGRiQAAABXQVZF\"}],\"finish_reason\":\"stop\"}]");
        SpanData whole = notStreamed(clientKeepingBlobs(), Payloads.CHAT_COMPLETION_AUDIO, audioParams());
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(attr(whole, GEN_AI_OUTPUT_MESSAGES));
    }

    @Test
    void streamedAudioLargerThanTheBlobBudgetIsDescribedAsTheCoreDescribesIt() {
        stubSse("/chat/completions", AUDIO_STREAM);

        SpanData span = streamed(client(ContentCapture.SPAN_ONLY), audioParams());

        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"omitted_blob\",\"mime_type\":\"audio/pcm\",\"modality\":\"audio\",\"size\":12}],"
                + "\"finish_reason\":\"stop\"}]");
        SpanData whole = notStreamed(client(ContentCapture.SPAN_ONLY), Payloads.CHAT_COMPLETION_AUDIO,
                audioParams());
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(attr(whole, GEN_AI_OUTPUT_MESSAGES));
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
        assertThat(whole.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void streamedAudioWithoutDataKeepsItsTranscript() {
        stubSse("/chat/completions", Payloads.sse(
                chunk(AUDIO_HEAD, "{\"role\":\"assistant\",\"content\":null,\"refusal\":null}", null),
                chunk(AUDIO_HEAD, "{\"audio\":{\"id\":\"audio_abc123\",\"transcript\":\"Hello\"}}", null),
                chunk(AUDIO_HEAD, "{\"audio\":{\"transcript\":\" there!\"}}", null),
                chunk(AUDIO_HEAD, "{}", "stop")));

        SpanData span = streamed(clientKeepingBlobs(), audioParams());

        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hello there!\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void aTranscriptCutAtTheBudgetIsNotTruncationWhenTheAudioBytesAreKept() {
        stubSse("/chat/completions", AUDIO_STREAM);

        SpanData span = streamed(OpenAITelemetry.builder(telemetry(ContentCapture.SPAN_ONLY, builder -> builder
                .setBlobMaxBytes(1024).setMaxContentChars(3))).setIncludeStreamUsage(false).build().wrap(rawClient),
                audioParams());

        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"blob\",\"mime_type\":\"audio/pcm\",\"modality\":\"audio\","
                + "\"content\":\"UklGRiQAAABXQVZF\"}],\"finish_reason\":\"stop\"}]");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isNull();
    }

    @Test
    void aRefusalWithNoBudgetLeftIsReportedAsTruncatedNotAsAnEmptyPart() {
        stubSse("/chat/completions", REFUSAL_STREAM);

        SpanData span = streamed(OpenAITelemetry.builder(telemetry(ContentCapture.SPAN_ONLY, builder -> builder
                .setMaxContentChars(0))).setIncludeStreamUsage(false).build().wrap(rawClient), params());

        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).doesNotContain("refusal");
        assertThat(span.getAttributes().get(GEN_AI_CONTENT_TRUNCATED)).isTrue();
    }

    @Test
    void streamedAudioReachesTheEventToo() {
        stubSse("/chat/completions", AUDIO_STREAM);

        streamed(OpenAITelemetry.builder(telemetry(ContentCapture.EVENT_ONLY, builder -> builder
                .setBlobMaxBytes(1024))).setIncludeStreamUsage(false).build().wrap(rawClient), audioParams());

        assertThat(events()).hasSize(1);
        Object output = events().get(0).getAttributes().asMap().entrySet().stream()
                .filter(entry -> entry.getKey().getKey().equals("gen_ai.output.messages"))
                .map(entry -> entry.getValue()).findFirst().orElseThrow();
        assertThat(output.toString()).contains("audio/pcm", "UklGRiQAAABXQVZF");
    }
}
