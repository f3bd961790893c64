package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.AgentInvocation;
import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.message.InputMessage;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ExportPreset.console()}: the GenAI view a person reads in a terminal, through the real SDK pipeline. */
class ConsolePresetTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream standardOut;

    @BeforeEach
    void captureStandardOut() {
        standardOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOut() {
        System.setOut(standardOut);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static GenAiOpenTelemetry console(ContentCapture capture) {
        return GenAiOpenTelemetry.builder().setServiceName("console-app").setExportPreset(ExportPreset.console())
                .setContentCapture(capture).build();
    }

    /** An agent turn with one streamed chat inside it. */
    @SuppressWarnings("try")
    private static void agentTurn(GenAiTelemetry telemetry) {
        AgentInvocation agent = telemetry.startAgentInvocation(AgentRequest.local("travel-assistant"));
        try (Scope scope = agent.makeCurrent()) {
            Inference chat = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o-mini").stream(true)
                    .inputMessages(List.of(InputMessage.text("user", "Weather in Paris?"))).build());
            chat.onChunk(0, "Rain, ");
            chat.onChunk(0, "take an umbrella.");
            chat.onChunk().finishReason(0, "stop").usage(TokenUsage.from(Map.of("prompt_tokens", 82,
                    "completion_tokens", 17)));
            chat.end();
        }
        agent.end(InferenceResponse.builder().finishReasons(List.of(FinishReason.STOP)).build());
    }

    private static void flushInOrder(OpenTelemetrySdk sdk) {
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
        sdk.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    }

    @Test
    void spansPrintAsATreeWithKindDurationStatusAndAttributes() {
        try (GenAiOpenTelemetry otel = console(ContentCapture.NO_CONTENT)) {
            agentTurn(otel.genAiTelemetry());
            flushInOrder(otel.openTelemetry());

            String text = printed();
            assertThat(text).contains("Spans (2)\n");
            assertThat(text).containsPattern("(?m)^invoke_agent travel-assistant  \\[INTERNAL, [0-9.]+ ms, status "
                    + "UNSET\\]$");
            assertThat(text).containsPattern("(?m)^  chat gpt-4o-mini  \\[CLIENT, [0-9.]+ ms, status UNSET\\]$");
            assertThat(text).contains("      gen_ai.usage.input_tokens = 82\n")
                    .contains("      gen_ai.usage.output_tokens = 17\n")
                    .containsPattern("      gen_ai.response.time_to_first_chunk = [0-9.E-]+\n");
        }
    }

    @Test
    void genAiMetricPointsPrintAsOneLineEachAndTheSdksOwnMetricsOnlyByName() {
        try (GenAiOpenTelemetry otel = console(ContentCapture.NO_CONTENT)) {
            agentTurn(otel.genAiTelemetry());
            flushInOrder(otel.openTelemetry());

            String text = printed();
            assertThat(text).contains("Metric points\n");
            assertThat(text).containsPattern("(?m)^  gen_ai\\.client\\.inference\\.time_to_first_chunk \\(s\\) "
                    + "count=1 sum=[0-9.e-]+ \\{.*gen_ai\\.provider\\.name=openai.*\\}$");
            assertThat(text).containsPattern("(?m)^  gen_ai\\.client\\.inference\\.usage\\.input_tokens "
                    + "\\(\\{token\\}\\) value=82 \\{.*gen_ai\\.token\\.modality=unknown.*\\}$");
            assertThat(text).containsPattern("(?m)^  gen_ai\\.client\\.inference\\.operation\\.input_tokens "
                    + "\\(\\{token\\}\\) count=1 sum=82\\.00 \\{.*gen_ai\\.provider\\.name=openai.*\\}$");
            assertThat(text).doesNotContain("ImmutableMetricData").doesNotContain("ImmutableHistogramPointData");
        }
    }

    @Test
    void metricsPrintOnlyWhatWasRecordedSinceTheLastPrint() {
        try (GenAiOpenTelemetry otel = console(ContentCapture.NO_CONTENT)) {
            agentTurn(otel.genAiTelemetry());
            flushInOrder(otel.openTelemetry());
            int afterFirst = printed().length();

            otel.openTelemetry().getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);

            assertThat(printed().substring(afterFirst)).doesNotContain("gen_ai.client");
        }
    }

    @Test
    void eventsPrintWithTheirNameSpanAndAttributes() {
        try (GenAiOpenTelemetry otel = console(ContentCapture.SPAN_AND_EVENT)) {
            agentTurn(otel.genAiTelemetry());
            flushInOrder(otel.openTelemetry());

            String text = printed();
            assertThat(text).containsPattern("(?m)^Events \\([1-9]\\)$");
            assertThat(text).containsPattern("(?m)^  gen_ai\\.client\\.inference\\.operation\\.details \\(span "
                    + "[0-9a-f]{16}\\)$");
            assertThat(text).contains("    gen_ai.operation.name = chat\n");
        }
    }

    @Test
    void longValuesAreCutSoThatEachLineStaysReadable() {
        try (GenAiOpenTelemetry otel = console(ContentCapture.SPAN_ONLY)) {
            otel.genAiTelemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-mini")
                    .inputMessages(List.of(InputMessage.text("user", "x".repeat(1000)))).build()).end();
            flushInOrder(otel.openTelemetry());

            String line = printed().lines().filter(l -> l.contains("gen_ai.input.messages = ")).findFirst()
                    .orElseThrow();
            assertThat(line).endsWith("...").hasSize("    gen_ai.input.messages = ".length() + 160 + 3);
        }
    }
}
