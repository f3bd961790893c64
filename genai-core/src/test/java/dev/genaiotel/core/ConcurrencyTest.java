package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiMetrics;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();

    @Test
    void sixteenThreadsRacingEndAndFailEndTheSpanExactlyOnce() throws Exception {
        AtomicInteger listenerEnds = new AtomicInteger();
        GenAiTelemetry telemetry = fixture.builder().addListener(new GenAiListener() {
            @Override
            public void onEnd(GenAiOperation operation) {
                listenerEnds.incrementAndGet();
            }

            @Override
            public void onError(GenAiOperation operation) {
                listenerEnds.incrementAndGet();
            }
        }).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 50; round++) {
                Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        go.await();
                        if (thread % 2 == 0) {
                            inference.end(InferenceResponse.metadata("id-" + thread, null, null));
                        } else {
                            inference.fail(new IllegalStateException("thread " + thread));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> future : futures) {
                    future.get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(50);
        for (SpanData span : spans) {
            boolean failed = span.getStatus().getStatusCode() == StatusCode.ERROR;
            assertThat(span.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().equals("error.type")))
                    .isEqualTo(failed);
            assertThat(span.getEvents()).hasSize(failed ? 1 : 0);
        }
        assertThat(listenerEnds).hasValue(50);
        long durations = 0;
        for (HistogramPointData point : fixture.metric(GenAiMetrics.GEN_AI_CLIENT_OPERATION_DURATION.name())
                .getHistogramData().getPoints()) {
            durations += point.getCount();
        }
        assertThat(durations).isEqualTo(50);
    }

    @Test
    void tenThousandConcurrentInvocationsEndTenThousandSpansNoneTwice() throws Exception {
        GenAiTelemetry telemetry = fixture.telemetry();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "m").build());
                    if (n % 3 == 0) {
                        inference.fail(new RuntimeException());
                    } else {
                        inference.end(InferenceResponse.metadata("id-" + n, null, null));
                    }
                    inference.end(InferenceResponse.empty());
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(10_000);
        Set<String> ids = new HashSet<>();
        for (SpanData span : spans) {
            assertThat(ids.add(span.getSpanId())).as("span %s ended twice", span.getSpanId()).isTrue();
        }
    }
}
