package dev.genaiotel.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server on loopback standing in for the Messages API, the real anthropic-java OkHttp clients pointed at it
 * with retries off, and an SDK whose spans, metrics and events are read back from in-memory exporters.
 */
abstract class AnthropicFixture {

    static final String API_KEY = "sk-ant-test-key-not-secret";
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer server;
    InMemorySpanExporter spans;
    InMemoryMetricReader metrics;
    InMemoryLogRecordExporter logs;
    OpenTelemetrySdk sdk;
    AnthropicClient rawClient;
    AnthropicClientAsync rawAsyncClient;

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
        rawClient = AnthropicOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).maxRetries(0).build();
        rawAsyncClient = AnthropicOkHttpClientAsync.builder().baseUrl(server.baseUrl()).apiKey(API_KEY)
                .maxRetries(0).build();
    }

    @AfterEach
    void stopFixture() {
        rawClient.close();
        rawAsyncClient.close();
        server.stop();
        sdk.close();
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

    AnthropicClient client() {
        return client(ContentCapture.NO_CONTENT);
    }

    AnthropicClient client(ContentCapture capture) {
        return AnthropicTelemetry.create(telemetry(capture)).wrap(rawClient);
    }

    /** A client whose telemetry records blob bytes up to 1 KiB (the core records none by default). */
    AnthropicClient clientKeepingBlobs() {
        return AnthropicTelemetry.create(telemetry(ContentCapture.SPAN_ONLY, builder -> builder.setBlobMaxBytes(1024)))
                .wrap(rawClient);
    }

    AnthropicClientAsync asyncClient() {
        return AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT)).wrap(rawAsyncClient);
    }

    AnthropicClientAsync asyncClient(ContentCapture capture) {
        return AnthropicTelemetry.create(telemetry(capture)).wrap(rawAsyncClient);
    }

    void stubJson(int status, String body) {
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("request-id", "req_011CSHoEeqs5C35K2UUq")
                .withBody(body)));
    }

    void stubSse(String body) {
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withHeader("request-id", "req_011CSHoEeqs5C35K2UUq")
                .withBody(body)));
    }

    SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    /** Waits for telemetry that ends on another thread, just after the caller saw the result. */
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

    /** A JSON attribute, parsed, to compare with the JSON it should be. */
    static JsonNode json(SpanData span, AttributeKey<String> key) {
        String value = span.getAttributes().get(key);
        if (value == null) {
            throw new AssertionError("no attribute " + key + " on " + span);
        }
        return parse(value);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    Optional<MetricData> findMetric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    MetricData metric(String name) {
        return findMetric(name).orElseThrow(() -> new AssertionError("no metric " + name));
    }

    List<HistogramPointData> points(String name) {
        return List.copyOf(metric(name).getHistogramData().getPoints());
    }

    /** The sum of a v0.1.0 usage counter over all its points. */
    long counter(String name) {
        return metric(name).getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }

    List<LogRecordData> events() {
        return logs.getFinishedLogRecordItems();
    }
}
