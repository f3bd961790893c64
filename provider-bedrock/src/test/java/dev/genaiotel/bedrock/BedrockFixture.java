package dev.genaiotel.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A WireMock server on loopback that plays Bedrock Runtime, the real AWS SDK clients pointed at it (sync with the
 * default HTTP client, async with Netty on HTTP/1.1, static credentials, no retries), and an OpenTelemetry SDK whose
 * spans, metrics and events are read back from in-memory exporters. Public, so that the tests of every package of
 * this module can extend it.
 */
@SuppressWarnings("exports") // test fixture: its signatures name test-only classpath types
public abstract class BedrockFixture {

    /** The access key of the static credentials; it must never appear in telemetry. */
    public static final String ACCESS_KEY = "AKIDTESTEXAMPLE12345";
    /** The secret key of the static credentials; it must never appear in telemetry. */
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYTESTSECRETKEY";

    protected WireMockServer server;
    protected InMemorySpanExporter spans;
    protected InMemoryMetricReader metrics;
    protected InMemoryLogRecordExporter logs;
    protected OpenTelemetrySdk sdk;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** For subclasses. */
    protected BedrockFixture() {}

    @BeforeEach
    void startBedrockFixture() {
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
    }

    @AfterEach
    void stopBedrockFixture() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        server.stop();
        sdk.close();
    }

    /** The GenAI engine with the given content mode and nothing read from the environment. */
    protected GenAiTelemetry genAi(ContentCapture capture) {
        return genAi(capture, builder -> { });
    }

    /** The GenAI engine with the given content mode, further configured by {@code configure}. */
    protected GenAiTelemetry genAi(ContentCapture capture, Consumer<GenAiTelemetryBuilder> configure) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk)
                .setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture)
                .setEmitEvent(capture == ContentCapture.EVENT_ONLY || capture == ContentCapture.SPAN_AND_EVENT);
        configure.accept(builder);
        return builder.build();
    }

    /** The instrumentation with the given content mode. */
    protected BedrockTelemetry bedrock(ContentCapture capture) {
        return BedrockTelemetry.builder(genAi(capture)).build();
    }

    /** The WireMock endpoint. */
    protected URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** A sync client (default HTTP client) with the given interceptors, closed after the test. */
    protected BedrockRuntimeClient syncClient(ExecutionInterceptor... interceptors) {
        BedrockRuntimeClient client = BedrockRuntimeClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint())
                .overrideConfiguration(c -> noRetries(c, interceptors))
                .build();
        closeables.add(client);
        return client;
    }

    /** An async client (Netty on HTTP/1.1) with the given interceptors, closed after the test. */
    protected BedrockRuntimeAsyncClient asyncClient(ExecutionInterceptor... interceptors) {
        BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(c -> noRetries(c, interceptors))
                .build();
        closeables.add(client);
        return client;
    }

    private static void noRetries(ClientOverrideConfiguration.Builder configuration,
            ExecutionInterceptor... interceptors) {
        configuration.retryStrategy(AwsRetryStrategy.doNotRetry());
        for (ExecutionInterceptor interceptor : interceptors) {
            configuration.addExecutionInterceptor(interceptor);
        }
    }

    /** Static credentials: an access key and a secret key. */
    protected static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** Stubs {@code POST /model/{id}/{operation}} with a JSON answer. */
    protected void stubJson(String operation, int status, String body) {
        stubJson(operation, status, body, Map.of());
    }

    /** Stubs {@code POST /model/{id}/{operation}} with a JSON answer and extra headers. */
    protected void stubJson(String operation, int status, String body, Map<String, String> headers) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "5f0f4a8e-0000-4000-8000-000000000001").withBody(body);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        server.stubFor(post(urlPathMatching("/model/.+/" + operation)).willReturn(response));
    }

    /** Stubs an AWS error answer to {@code POST /model/{id}/{operation}}. */
    protected void stubError(String operation, int status, String errorType, String message) {
        server.stubFor(post(urlPathMatching("/model/.+/" + operation)).willReturn(errorAnswer(status, errorType,
                message)));
    }

    /** Stubs {@code POST /model/{id}/{operation}} with an event-stream body. */
    protected void stubEventStream(String operation, byte[] body) {
        server.stubFor(post(urlPathMatching("/model/.+/" + operation)).willReturn(eventStreamAnswer(body)));
    }

    /** An AWS error answer, as Bedrock sends it: the code in {@code x-amzn-ErrorType}. */
    protected static ResponseDefinitionBuilder errorAnswer(int status, String errorType, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "5f0f4a8e-0000-4000-8000-000000000002")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    /** A successful answer with an event-stream body. */
    protected static ResponseDefinitionBuilder eventStreamAnswer(byte[] body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-RequestId", "5f0f4a8e-0000-4000-8000-000000000003")
                .withBody(body);
    }

    /** The one finished span; fails when there is not exactly one. */
    protected SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        if (finished.size() != 1) {
            throw new AssertionError("expected one span, got " + finished);
        }
        return finished.get(0);
    }

    /** Waits (at most 10 s) for a span that ends on another thread, then returns the only one. */
    protected SpanData awaitOnlySpan() {
        await(() -> !spans.getFinishedSpanItems().isEmpty());
        return onlySpan();
    }

    /** Waits at most 10 s for {@code condition}; fails when it stays false. */
    protected static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            sleep(5);
        }
    }

    /** Sleeps, failing the test when interrupted. */
    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An attribute of a span. */
    protected static <T> T attr(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    /** Every attribute value of a span as text, to check that no secret leaked. */
    protected static String allAttributeText(SpanData span) {
        StringBuilder text = new StringBuilder(span.getName());
        span.getAttributes().forEach((key, value) -> text.append('\n').append(key.getKey()).append('=')
                .append(value));
        span.getEvents().forEach(event -> event.getAttributes().forEach((key, value) -> text.append('\n')
                .append(key.getKey()).append('=').append(value)));
        return text.toString();
    }

    /** The histogram points of a metric. */
    protected List<HistogramPointData> points(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .map(m -> List.copyOf(m.getHistogramData().getPoints()))
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** Token usage by kind ({@code input}, {@code output}): the v0.1.0 usage counters summed over modalities. */
    protected Map<String, Double> tokenUsage() {
        Map<String, Double> usage = new java.util.HashMap<>();
        for (String kind : List.of("input", "output")) {
            metrics.collectAllMetrics().stream()
                    .filter(m -> m.getName().equals("gen_ai.client.inference.usage." + kind + "_tokens"))
                    .flatMap(m -> m.getLongSumData().getPoints().stream())
                    .forEach(point -> usage.merge(kind, (double) point.getValue(), Double::sum));
        }
        return usage;
    }
}
