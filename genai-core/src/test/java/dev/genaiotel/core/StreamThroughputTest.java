package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiClientMetrics;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Throughput of streams, timed with a clock the test moves: no sleeping, exact expected values. */
class StreamThroughputTest {

    private static final String THROUGHPUT = GenAiMetrics.GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND.name();
    private static final long MILLIS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MILLIS);
    private final TelemetryFixture fixture = new TelemetryFixture();
    private final GenAiTelemetry telemetry = fixture.telemetry(builder -> builder.setNanoClock(now::get));

    private Inference start() {
        return telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").server("api.openai.com", 443L)
                .stream(true).build());
    }

    private void at(long millisSinceStart) {
        now.set(5_000 * MILLIS + millisSinceStart * MILLIS);
    }

    /** Chunks at 200, 400 and 700 ms after the start. */
    private void chunks(Inference inference) {
        at(200);
        inference.onChunk(0, "It is ");
        at(400);
        inference.onChunk(0, "18C ");
        at(700);
        inference.onChunk(0, "in Paris.");
    }

    private static InferenceResponse withOutputTokens(Long outputTokens) {
        return InferenceResponse.builder().responseModel("gpt-4o-2024-08-06")
                .usage(new TokenUsage(40L, outputTokens, null, null, null)).build();
    }

    private List<HistogramPointData> throughputPoints() {
        MetricData metric = fixture.metric(THROUGHPUT);
        return metric == null ? List.of() : List.copyOf(metric.getHistogramData().getPoints());
    }

    @Test
    void outputTokensOverTheTimeFromFirstChunkToEndAreOnTheSpanAndTheHistogram() {
        Inference inference = start();
        chunks(inference);
        at(1_200);
        inference.end(withOutputTokens(50L));

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isEqualTo(0.2);
        assertThat(span.getAttributes().get(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND)).isEqualTo(50.0);

        MetricData metric = fixture.metric(THROUGHPUT);
        assertThat(metric.getUnit()).isEqualTo("{token}/s");
        HistogramPointData point = metric.getHistogramData().getPoints().iterator().next();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getSum()).isEqualTo(50.0);
        assertThat(point.getBoundaries()).isEqualTo(
                GenAiMetrics.GEN_AI_CLIENT_STREAM_OUTPUT_TOKENS_PER_SECOND.bucketBoundaries());
        assertThat(point.getAttributes()).isEqualTo(Attributes.builder().put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, "openai").put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(SERVER_ADDRESS, "api.openai.com").put(SERVER_PORT, 443L).build());
    }

    @Test
    void theHistogramHasTheAttributesOfTheTimeToFirstChunkPoint() {
        Inference inference = start();
        chunks(inference);
        at(900);
        inference.end(withOutputTokens(35L));

        Attributes firstChunk = fixture.metric(GenAiClientMetrics.GEN_AI_CLIENT_INFERENCE_TIME_TO_FIRST_CHUNK.name())
                .getHistogramData().getPoints().iterator().next().getAttributes();
        assertThat(throughputPoints()).extracting(HistogramPointData::getAttributes).containsExactly(firstChunk);
        assertThat(throughputPoints()).extracting(HistogramPointData::getSum).containsExactly(50.0);
    }

    @Test
    void anInferenceThatWasNotStreamedHasNoThroughput() {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        at(1_000);
        inference.end(withOutputTokens(50L));

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND)).isNull();
        assertThat(throughputPoints()).isEmpty();
    }

    @Test
    void aFailedStreamHasNoThroughput() {
        Inference inference = start();
        chunks(inference);
        inference.recordResponse(withOutputTokens(50L));
        at(1_200);
        inference.fail(new IllegalStateException("connection reset"));

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND)).isNull();
        assertThat(throughputPoints()).isEmpty();
    }

    @Test
    void aStreamWithoutOutputTokensHasNoThroughput() {
        for (Long tokens : new Long[] {null, 0L}) {
            fixture.spans.reset();
            at(0);
            Inference inference = start();
            chunks(inference);
            at(1_200);
            inference.end(withOutputTokens(tokens));

            assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND))
                    .as("output tokens %s", tokens).isNull();
        }
        assertThat(throughputPoints()).isEmpty();
    }

    @Test
    void aStreamThatEndsAtItsFirstChunkHasNoThroughput() {
        Inference inference = start();
        at(300);
        inference.onChunk(0, "All at once.");
        inference.end(withOutputTokens(12L));

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND)).isNull();
        assertThat(throughputPoints()).isEmpty();
    }

    @Test
    void theHistogramIsOursAndRecordedUnderEveryConventionsVersion() {
        for (SemconvVersion version : SemconvVersion.values()) {
            TelemetryFixture emitting = TelemetryFixture.emitting(version);
            at(0);
            Inference inference = emitting.telemetry(builder -> builder.setNanoClock(now::get)).startInference(
                    InferenceRequest.chat("openai", "gpt-4o").stream(true).build());
            chunks(inference);
            at(2_200);
            inference.end(withOutputTokens(100L));

            MetricData metric = emitting.metric(THROUGHPUT);
            assertThat(metric).as(version.id()).isNotNull();
            assertThat(metric.getHistogramData().getPoints()).extracting(HistogramPointData::getSum)
                    .containsExactly(50.0);
        }
    }
}
