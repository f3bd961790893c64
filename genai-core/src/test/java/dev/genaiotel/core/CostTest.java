package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_PURPOSE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_COST;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CURRENCY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.OperationPurpose;
import dev.genaiotel.semconv.ProviderName;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostTest {

    private static final String PRICES = """
            {
              "currency": "USD",
              "prices": [
                {"model": "gpt-4o", "input": 2.5, "output": 10.0, "cache_read": 1.25},
                {"model": "gpt-4o*", "input": 5, "output": 15},
                {"model": "gpt-4o-mini*", "input": 0.15, "output": 0.6},
                {"model": "claude*", "provider": "anthropic", "input": 3.0, "output": 15.0,
                 "cache_read": 0.3, "cache_write": 3.75},
                {"model": "*", "provider": "ollama", "input": 1.0, "output": 2.0, "currency": "eur"}
              ]
            }
            """;

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();
    private final List<LogRecord> problems = Collections.synchronizedList(new ArrayList<>());
    private final Logger coreLogger = Logger.getLogger("dev.genaiotel.core");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @TempDir
    Path directory;

    @BeforeEach
    void captureProblems() {
        coreLogger.addHandler(handler);
    }

    @AfterEach
    void releaseProblems() {
        coreLogger.removeHandler(handler);
    }

    private static PriceTable prices() throws IOException {
        return PriceTable.fromJson(stream(PRICES));
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private GenAiTelemetry telemetry() throws IOException {
        PriceTable table = prices();
        return fixture.telemetry(builder -> builder.setPriceTable(table));
    }

    private static void chat(GenAiTelemetry telemetry, String provider, String model, TokenUsage usage,
            Attributes attributes) {
        telemetry.startInference(InferenceRequest.chat(provider, model).attributes(attributes).build())
                .end(InferenceResponse.builder().usage(usage).build());
    }

    private List<DoublePointData> costPoints() {
        MetricData cost = fixture.metric(GenAiMetrics.GEN_AI_CLIENT_USAGE_COST.name());
        if (cost == null) {
            return List.of();
        }
        Collection<DoublePointData> points = cost.getDoubleSumData().getPoints();
        return new ArrayList<>(points);
    }

    @Test
    void exactModelIsPricedOnTheSpanAndTheCounter() throws IOException {
        chat(telemetry(), ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 500), Attributes.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.0075, within(1e-12));
        assertThat(span.getAttributes().get(GEN_AI_USAGE_CURRENCY)).isEqualTo("USD");
        List<DoublePointData> points = costPoints();
        assertThat(points).hasSize(1);
        assertThat(points.get(0).getValue()).isCloseTo(0.0075, within(1e-12));
        assertThat(points.get(0).getAttributes()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(GEN_AI_USAGE_CURRENCY, "USD")
                .build());
    }

    @Test
    void prefixModelIsPricedByTheLongestMatchingPrefix() throws IOException {
        GenAiTelemetry telemetry = telemetry();
        chat(telemetry, ProviderName.OPENAI, "gpt-4o-2024-08-06", TokenUsage.of(1000, 500), Attributes.empty());
        chat(telemetry, ProviderName.OPENAI, "gpt-4o-mini-2024-07-18", TokenUsage.of(1000, 500), Attributes.empty());

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans.get(0).getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.0125, within(1e-12));
        assertThat(spans.get(1).getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.00045, within(1e-12));
    }

    @Test
    void wildcardPricesAnyModelOfItsProviderInItsCurrency() throws IOException {
        chat(telemetry(), ProviderName.OLLAMA, "llama3.2", TokenUsage.of(1000, 500), Attributes.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.002, within(1e-12));
        assertThat(span.getAttributes().get(GEN_AI_USAGE_CURRENCY)).isEqualTo("EUR");
        assertThat(costPoints()).singleElement()
                .satisfies(point -> assertThat(point.getAttributes().get(GEN_AI_USAGE_CURRENCY)).isEqualTo("EUR"));
    }

    @Test
    void unknownModelRecordsNoCostAttributeAndNoMetricPoint() throws IOException {
        GenAiTelemetry telemetry = telemetry();
        chat(telemetry, ProviderName.OPENAI, "o3-mini", TokenUsage.of(1000, 500), Attributes.empty());
        chat(telemetry, ProviderName.MISTRAL_AI, "mistral-large", TokenUsage.of(1000, 500), Attributes.empty());
        chat(telemetry, ProviderName.OPENAI, "claude-sonnet-4", TokenUsage.of(1000, 500), Attributes.empty());

        for (SpanData span : fixture.spans.getFinishedSpanItems()) {
            assertThat(span.getAttributes().get(GEN_AI_USAGE_COST)).isNull();
            assertThat(span.getAttributes().get(GEN_AI_USAGE_CURRENCY)).isNull();
            assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1000L);
        }
        assertThat(costPoints()).isEmpty();
    }

    @Test
    void unknownUsageRecordsNoCost() throws IOException {
        telemetry().startInference(InferenceRequest.chat(ProviderName.OPENAI, "gpt-4o").build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_USAGE_COST)).isNull();
        assertThat(costPoints()).isEmpty();
    }

    @Test
    void cachedTokensArePricedSeparately() throws IOException {
        GenAiTelemetry telemetry = telemetry();
        // 10,000 input tokens of which 6,000 read from and 2,000 written to the cache, and 1,000 output tokens:
        // 2,000 x 3.0 + 6,000 x 0.3 + 2,000 x 3.75 + 1,000 x 15.0 = 30,300 per million
        chat(telemetry, ProviderName.ANTHROPIC, "claude-sonnet-4", new TokenUsage(10_000L, 1_000L, 6_000L, 2_000L,
                null), Attributes.empty());
        // no cache-write price: written tokens cost the input price; 1,000 x 2.5 + 500 x 1.25 + 500 x 2.5
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", new TokenUsage(2_000L, null, 500L, 500L, null),
                Attributes.empty());

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans.get(0).getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.0303, within(1e-12));
        assertThat(spans.get(1).getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.004375, within(1e-12));
    }

    @Test
    void operationPurposeFromTheRequestIsOnTheSpanAndTheCostMetric() throws IOException {
        GenAiTelemetry telemetry = telemetry();
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 0),
                Attributes.of(GEN_AI_OPERATION_PURPOSE, OperationPurpose.GUARD_EVALUATION));
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 0), Attributes.empty());

        assertThat(fixture.spans.getFinishedSpanItems().get(0).getAttributes().get(GEN_AI_OPERATION_PURPOSE))
                .isEqualTo("guard_evaluation");
        assertThat(costPoints()).extracting(point -> point.getAttributes().get(GEN_AI_OPERATION_PURPOSE))
                .containsExactlyInAnyOrder("guard_evaluation", null);
    }

    @Test
    void embeddingsArePricedByTheirInputTokens() throws IOException {
        telemetry().startEmbeddings(new EmbeddingsRequest(ProviderName.OPENAI, "gpt-4o", null, List.of(), null, null,
                null)).end(new EmbeddingsResponse(null, 2000L, null));

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.005, within(1e-12));
    }

    @Test
    void priceFileFromTheEnvironmentIsUsed() throws IOException {
        Path file = directory.resolve("prices.json");
        Files.writeString(file, PRICES);
        GenAiTelemetry telemetry = fixture.builder(Map.of(),
                Map.of("OTEL_INSTRUMENTATION_GENAI_PRICE_FILE", file.toString())).build();
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 500), Attributes.empty());

        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_USAGE_COST)).isCloseTo(0.0075, within(1e-12));
        assertThat(problems).isEmpty();
    }

    @Test
    void malformedPriceFileLogsOneClearErrorAndInferencesStillWork() throws IOException {
        Path file = directory.resolve("prices.json");
        Files.writeString(file, "{\"prices\": [\n  {\"model\": \"gpt-4o\", \"input\": \"cheap\", \"output\": 1}\n]}");
        GenAiTelemetry telemetry = fixture.builder(
                Map.of("otel.instrumentation.genai.price-file", file.toString()), Map.of()).build();
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 500), Attributes.empty());
        chat(telemetry, ProviderName.OPENAI, "gpt-4o", TokenUsage.of(1000, 500), Attributes.empty());

        assertThat(problems).hasSize(1);
        LogRecord error = problems.get(0);
        assertThat(error.getLevel()).isEqualTo(Level.SEVERE);
        String message = MessageFormat.format(error.getMessage(), error.getParameters());
        assertThat(message).contains(file.toString(), "line 2", "'input' must be a number", "no cost");
        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        for (SpanData span : spans) {
            assertThat(span.getAttributes().get(GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1000L);
            assertThat(span.getAttributes().get(GEN_AI_USAGE_COST)).isNull();
        }
        assertThat(costPoints()).isEmpty();
        assertThat(fixture.metric(GenAiMetrics.GEN_AI_CLIENT_TOKEN_USAGE.name())).isNotNull();
    }

    @Test
    void invalidPriceFilesAreRejectedWithTheirLocation() {
        assertThatThrownBy(() -> PriceTable.fromJson(stream("{\"prices\": [")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> PriceTable.fromJson(stream("{\"prices\": [{\"model\": \"gpt\", \"input\": 1,"
                + " \"output\": 1}]}"))).hasMessageContaining("no currency");
        assertThatThrownBy(() -> PriceTable.fromJson(stream("{\"currency\": \"USD\", \"prices\": [{\"model\":"
                + " \"gpt-*-mini\", \"input\": 1, \"output\": 1}]}"))).hasMessageContaining("only allowed at the end");
        assertThatThrownBy(() -> PriceTable.fromJson(stream("{\"currency\": \"USD\", \"prices\": [{\"model\":"
                + " \"gpt\", \"inptu\": 1, \"output\": 1}]}"))).hasMessageContaining("unknown field 'inptu'");
        assertThatThrownBy(() -> PriceTable.fromJson(stream("{\"currency\": \"USD\", \"prices\": [{\"model\":"
                + " \"gpt\", \"input\": -1, \"output\": 1}]}"))).hasMessageContaining("at least 0");
    }

    @Test
    void mostSpecificEntryWinsAndAProviderEntryBeatsAnAnyProviderOne() throws IOException {
        PriceTable table = PriceTable.fromJson(stream("""
                {"currency": "USD", "prices": [
                  {"model": "*", "input": 1, "output": 1},
                  {"model": "m*", "input": 2, "output": 2},
                  {"model": "m*", "provider": "p", "input": 3, "output": 3},
                  {"model": "mod*", "input": 4, "output": 4},
                  {"model": "model", "input": 5, "output": 5}
                ]}
                """));

        assertThat(table.priceFor("p", "model").orElseThrow().input()).isEqualTo(5.0);
        assertThat(table.priceFor("p", "modest").orElseThrow().input()).isEqualTo(4.0);
        assertThat(table.priceFor("p", "my").orElseThrow().input()).isEqualTo(3.0);
        assertThat(table.priceFor("q", "my").orElseThrow().input()).isEqualTo(2.0);
        assertThat(table.priceFor("q", "other").orElseThrow().input()).isEqualTo(1.0);
        assertThat(table.priceFor("q", null).orElseThrow().input()).isEqualTo(1.0);
    }
}
