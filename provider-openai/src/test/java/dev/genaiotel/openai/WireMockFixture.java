package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server on loopback, the real openai-java OkHttp clients pointed at it with retries off, and an SDK
 * whose spans, metrics and events are read back from in-memory exporters.
 */
abstract class WireMockFixture {

    static final String API_KEY = "sk-test-key-not-secret";

    WireMockServer server;
    InMemorySpanExporter spans;
    InMemoryMetricReader metrics;
    InMemoryLogRecordExporter logs;
    OpenTelemetrySdk sdk;
    OpenAIClient rawClient;
    OpenAIClientAsync rawAsyncClient;

    @BeforeEach
    void startFixture() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spans = InMemorySpanExporter.create();
        metrics = InMemoryMetricReader.create();
        logs = InMemoryLogRecordExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
                .build();
        rawClient = OpenAIOkHttpClient.builder().baseUrl(baseUrl()).apiKey(API_KEY).maxRetries(0).build();
        rawAsyncClient = OpenAIOkHttpClientAsync.builder().baseUrl(baseUrl()).apiKey(API_KEY).maxRetries(0).build();
    }

    @AfterEach
    void stopFixture() {
        rawClient.close();
        rawAsyncClient.close();
        server.stop();
        sdk.close();
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    GenAiTelemetry telemetry(ContentCapture capture) {
        return telemetry(capture, builder -> { });
    }

    GenAiTelemetry telemetry(ContentCapture capture, Consumer<GenAiTelemetryBuilder> configure) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture)
                .setEmitEvent(capture == ContentCapture.EVENT_ONLY || capture == ContentCapture.SPAN_AND_EVENT);
        configure.accept(builder);
        return builder.build();
    }

    /** A client whose telemetry records blob bytes up to 1 KiB (the core records none by default). */
    OpenAIClient clientKeepingBlobs() {
        return OpenAITelemetry.builder(telemetry(ContentCapture.SPAN_ONLY, builder -> builder.setBlobMaxBytes(1024)))
                .setIncludeStreamUsage(false).build().wrap(rawClient);
    }

    OpenAITelemetry instrumentation(ContentCapture capture) {
        return OpenAITelemetry.builder(telemetry(capture)).setIncludeStreamUsage(false).build();
    }

    OpenAIClient client() {
        return instrumentation(ContentCapture.NO_CONTENT).wrap(rawClient);
    }

    OpenAIClient client(ContentCapture capture) {
        return instrumentation(capture).wrap(rawClient);
    }

    OpenAIClientAsync asyncClient() {
        return instrumentation(ContentCapture.NO_CONTENT).wrap(rawAsyncClient);
    }

    void stubJson(String path, int status, String body) {
        server.stubFor(post(urlPathEqualTo("/v1" + path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_123")
                .withBody(body)));
    }

    void stubGetJson(String path, int status, String body) {
        server.stubFor(get(urlPathEqualTo("/v1" + path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    void stubSse(String path, String body) {
        server.stubFor(post(urlPathEqualTo("/v1" + path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    /** A streamed {@code GET}, as {@code retrieveStreaming} sends it ({@code ?stream=true}). */
    void stubGetSse(String path, String body) {
        server.stubFor(get(urlPathEqualTo("/v1" + path)).withQueryParam("stream", equalTo("true")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(body)));
    }

    SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    /** Waits for async telemetry, which may end just after the caller's future completes. */
    SpanData awaitOnlySpan() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
            sleep(5);
        }
        return onlySpan();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static <T> T attr(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    List<HistogramPointData> points(String name) {
        return List.copyOf(metric(name).getHistogramData().getPoints());
    }

    /** Token usage by kind ({@code input}, {@code output}): the v0.1.0 usage counters summed over modalities. */
    java.util.Map<String, Double> tokenUsage() {
        java.util.Map<String, Double> usage = new java.util.HashMap<>();
        for (String kind : List.of("input", "output")) {
            metrics.collectAllMetrics().stream()
                    .filter(m -> m.getName().equals("gen_ai.client.inference.usage." + kind + "_tokens"))
                    .flatMap(m -> m.getLongSumData().getPoints().stream())
                    .forEach(point -> usage.merge(kind, (double) point.getValue(), Double::sum));
        }
        return usage;
    }

    List<LogRecordData> events() {
        return logs.getFinishedLogRecordItems();
    }
}
