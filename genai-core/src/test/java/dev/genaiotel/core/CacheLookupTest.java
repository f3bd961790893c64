package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_HIT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CACHE_SOURCE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheLookupTest {

    private static final String LOOKUPS = GenAiMetrics.GEN_AI_CLIENT_CACHE_LOOKUPS.name();

    private final TelemetryFixture fixture = new TelemetryFixture();
    private final GenAiTelemetry telemetry = fixture.telemetry();

    private static Attributes point(boolean hit, String source, String operation, String provider, String model) {
        return Attributes.builder().put(GEN_AI_CACHE_HIT, hit).put(GEN_AI_CACHE_SOURCE, source)
                .put(GEN_AI_OPERATION_NAME, operation).put(GEN_AI_PROVIDER_NAME, provider)
                .put(GEN_AI_REQUEST_MODEL, model).build();
    }

    private List<LongPointData> lookups() {
        MetricData metric = fixture.metric(LOOKUPS);
        assertThat(metric).as(LOOKUPS).isNotNull();
        assertThat(metric.getUnit()).isEqualTo("{lookup}");
        assertThat(metric.getLongSumData().isMonotonic()).isTrue();
        return List.copyOf(metric.getLongSumData().getPoints());
    }

    @Test
    void aHitInFrontOfAnInferenceIsOnItsSpanAndCountedWithItsModel() {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        inference.recordCacheLookup(true, "semantic_cache");
        inference.end(InferenceResponse.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_CACHE_HIT)).isTrue();
        assertThat(span.getAttributes().get(GEN_AI_CACHE_SOURCE)).isEqualTo("semantic_cache");
        assertThat(lookups()).extracting(LongPointData::getAttributes, LongPointData::getValue)
                .containsExactly(tuple(point(true, "semantic_cache", "chat", "openai", "gpt-4o"), 1L));
    }

    @Test
    void hitsAndMissesAreCountedApartAndEachSpanKeepsItsOwn() {
        for (boolean hit : new boolean[] {false, true, false}) {
            Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
            inference.recordCacheLookup(hit, "semantic_cache");
            inference.end(InferenceResponse.empty());
        }

        assertThat(fixture.spans.getFinishedSpanItems()).extracting(span -> span.getAttributes().get(GEN_AI_CACHE_HIT))
                .containsExactly(false, true, false);
        assertThat(lookups()).extracting(LongPointData::getAttributes, LongPointData::getValue)
                .containsExactlyInAnyOrder(tuple(point(false, "semantic_cache", "chat", "openai", "gpt-4o"), 2L),
                        tuple(point(true, "semantic_cache", "chat", "openai", "gpt-4o"), 1L));
    }

    @Test
    void aRetrievalLookupIsCountedWithTheRetrievalsProviderAndModel() {
        Retrieval retrieval = telemetry.startRetrieval(new RetrievalRequest("pinecone", "docs-index",
                "text-embedding-3-small", 5L, null, null, null, null));
        retrieval.recordCacheLookup(false, "query_cache");
        retrieval.end(List.of());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_CACHE_HIT)).isFalse();
        assertThat(span.getAttributes().get(GEN_AI_CACHE_SOURCE)).isEqualTo("query_cache");
        assertThat(lookups()).extracting(LongPointData::getAttributes)
                .containsExactly(point(false, "query_cache", "retrieval", "pinecone", "text-embedding-3-small"));
    }

    @Test
    void aLookupWithoutASourceLeavesTheSourceOut() {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        inference.recordCacheLookup(true, null);
        inference.end(InferenceResponse.empty());

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CACHE_SOURCE)).isNull();
        assertThat(lookups()).extracting(LongPointData::getAttributes).containsExactly(Attributes.builder()
                .put(GEN_AI_CACHE_HIT, true).put(GEN_AI_OPERATION_NAME, "chat").put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o").build());
    }

    @Test
    @SuppressWarnings("try")
    void aLookupReportedByANestedLayerIsRecordedOnTheOuterSpan() {
        Inference framework = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        try (Scope ignored = framework.makeCurrent()) {
            Inference client = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
            client.recordCacheLookup(true, "semantic_cache");
            client.end(InferenceResponse.empty());
        }
        framework.end(InferenceResponse.empty());

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_CACHE_HIT)).isTrue();
        assertThat(lookups()).extracting(LongPointData::getValue).containsExactly(1L);
    }

    @Test
    void theCounterIsOursAndRecordedUnderEveryConventionsVersion() {
        for (SemconvVersion version : SemconvVersion.values()) {
            TelemetryFixture emitting = TelemetryFixture.emitting(version);
            Inference inference = emitting.telemetry()
                    .startInference(InferenceRequest.chat("openai", "gpt-4o").build());
            inference.recordCacheLookup(false, "semantic_cache");
            inference.end(InferenceResponse.empty());

            assertThat(emitting.metric(LOOKUPS)).as(version.id()).isNotNull();
            assertThat(version.metrics()).contains(GenAiMetrics.GEN_AI_CLIENT_CACHE_LOOKUPS);
        }
    }

    @Test
    void aPassThroughInferenceRecordsNoLookup() {
        Inference inference = fixture.telemetry(builder -> builder.setEnabled(false))
                .startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        inference.recordCacheLookup(true, "semantic_cache");
        inference.end(InferenceResponse.empty());

        assertThat(fixture.metric(LOOKUPS)).isNull();
        assertThat(fixture.spans.getFinishedSpanItems()).isEmpty();
    }
}
