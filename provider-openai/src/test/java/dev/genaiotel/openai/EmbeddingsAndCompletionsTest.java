package dev.genaiotel.openai;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_ENCODING_FORMATS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddingsAndCompletionsTest extends WireMockFixture {

    private static EmbeddingCreateParams embeddingParams() {
        return EmbeddingCreateParams.builder().model("text-embedding-3-small")
                .input(EmbeddingCreateParams.Input.ofArrayOfStrings(List.of("The food was delicious", "Terrible")))
                .dimensions(3L).encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build();
    }

    private static CompletionCreateParams completionParams() {
        return CompletionCreateParams.builder().model("gpt-3.5-turbo-instruct").prompt("Say this is a test")
                .maxTokens(7L).temperature(0.0).build();
    }

    @Test
    void embeddingsRecordModelDimensionsFormatAndTokens() {
        stubJson("/embeddings", 200, Payloads.EMBEDDINGS);

        CreateEmbeddingResponse response = client().embeddings().create(embeddingParams());

        assertThat(response).isEqualTo(rawClient.embeddings().create(embeddingParams()));
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("embeddings text-embedding-3-small");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("text-embedding-3-small");
        assertThat(attr(span, GEN_AI_EMBEDDINGS_DIMENSION_COUNT)).isEqualTo(3L);
        assertThat(attr(span, GEN_AI_REQUEST_ENCODING_FORMATS)).containsExactly("float");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("text-embedding-3-small");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
        assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
        assertThat(points("gen_ai.client.embeddings.duration").get(0).getAttributes()
                .get(GEN_AI_EMBEDDINGS_DIMENSION_COUNT)).isNull();
        assertThat(points("gen_ai.client.embeddings.operation.input_tokens").get(0).getSum()).isEqualTo(8.0);
    }

    @Test
    void embeddingsFailureRecordsTheStatusCode() {
        stubJson("/embeddings", 429, Payloads.ERROR_429);

        Throwable failure = catchThrowable(() -> client().embeddings().create(embeddingParams()));

        assertThat(failure).isInstanceOf(RateLimitException.class);
        assertThat(attr(onlySpan(), ERROR_TYPE)).isEqualTo("429");
    }

    @Test
    void asyncEmbeddingsAreInstrumented() {
        stubJson("/embeddings", 200, Payloads.EMBEDDINGS);

        asyncClient().embeddings().create(embeddingParams()).join();

        assertThat(attr(awaitOnlySpan(), GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
    }

    @Test
    void rawEmbeddingsAreInstrumented() {
        stubJson("/embeddings", 200, Payloads.EMBEDDINGS);

        client().withRawResponse().embeddings().create(embeddingParams()).parse();

        assertThat(attr(onlySpan(), GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
    }

    @Test
    void legacyCompletionIsATextCompletion() {
        stubJson("/completions", 200, Payloads.COMPLETION);

        Completion completion = client(ContentCapture.SPAN_ONLY).completions().create(completionParams());

        assertThat(completion).isEqualTo(rawClient.completions().create(completionParams()));
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("text_completion gpt-3.5-turbo-instruct");
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("text_completion");
        assertThat(attr(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(7L);
        assertThat(attr(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.0);
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("length");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
        assertThat(attr(span, OPENAI_RESPONSE_SYSTEM_FINGERPRINT)).isEqualTo("fp_44709d6fcb");
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say this is a test\"}]}]");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":"
                + "\"text\",\"content\":\"\\n\\nThis is indeed a test\"}],\"finish_reason\":\"length\"}]");
    }

    @Test
    void streamedLegacyCompletionAccumulatesTheText() {
        stubSse("/completions", Payloads.COMPLETION_STREAM);

        List<Completion> chunks;
        try (StreamResponse<Completion> stream = client(ContentCapture.SPAN_ONLY).completions()
                .createStreaming(completionParams())) {
            chunks = stream.stream().collect(Collectors.toList());
        }

        assertThat(chunks).hasSize(2);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":"
                + "\"text\",\"content\":\"This is\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void asyncLegacyCompletionIsInstrumented() {
        stubJson("/completions", 200, Payloads.COMPLETION);

        asyncClient().completions().create(completionParams()).join();

        assertThat(attr(awaitOnlySpan(), GEN_AI_OPERATION_NAME)).isEqualTo("text_completion");
    }
}
