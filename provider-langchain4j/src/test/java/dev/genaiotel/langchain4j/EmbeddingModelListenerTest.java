package dev.genaiotel.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingModelListenerTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void embedAllRecordsOneEmbeddingsSpanWithModelDimensionsAndInputTokens() {
        openAi.embeddings();
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("text-embedding-3-small")
                .dimensions(3)
                .maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().embeddingModelListener()))
                .build();

        var response = model.embedAll(List.of(TextSegment.from("first"), TextSegment.from("second")));

        assertThat(response.content()).hasSize(2);
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("embeddings text-embedding-3-small");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("gen_ai.operation.name", "embeddings")
                .put("gen_ai.provider.name", "openai")
                .put("gen_ai.request.model", "text-embedding-3-small")
                .put("gen_ai.embeddings.dimension.count", 3L)
                .put("gen_ai.response.model", "text-embedding-3-small")
                .put("gen_ai.usage.input_tokens", 8L)
                .build().asMap());
    }
}
