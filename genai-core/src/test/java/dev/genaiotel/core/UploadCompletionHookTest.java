package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS_REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.message.ContentEncoder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCompletionHookTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<AttributeKey<String>> REFS = List.of(GEN_AI_INPUT_MESSAGES_REF, GEN_AI_OUTPUT_MESSAGES_REF,
            GEN_AI_SYSTEM_INSTRUCTIONS_REF, GEN_AI_TOOL_DEFINITIONS_REF);

    final TelemetryFixture fixture = new TelemetryFixture();

    @TempDir
    Path directory;

    GenAiTelemetry telemetry(CompletionHook hook) {
        return fixture.telemetry(b -> b.addCompletionHook(hook).setEmitEvent(true));
    }

    static void chat(GenAiTelemetry telemetry) {
        telemetry.startInference(CompletionHookTest.request()).end(CompletionHookTest.response());
    }

    static Path pathOf(String reference) {
        return Path.of(URI.create(reference));
    }

    static String expectedDirectory(SpanData span) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return String.format("%04d/%02d/%02d/%s/%s", day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                span.getTraceId(), span.getSpanId());
    }

    long dropped(String reason) {
        MetricData metric = fixture.metric("gen_ai.upload.dropped");
        if (metric == null) {
            return 0;
        }
        long sum = 0;
        for (LongPointData point : metric.getLongSumData().getPoints()) {
            if (reason.equals(point.getAttributes().get(GenAiAttributes.ERROR_TYPE))) {
                sum += point.getValue();
            }
        }
        return sum;
    }

    @Test
    void writesJsonFilesUnderTheDateAndTraceLayoutEqualToTheEncoderOutput() throws IOException {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).setOpenTelemetry(fixture.sdk).build();
        GenAiTelemetry telemetry = telemetry(hook);

        chat(telemetry);
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();

        SpanData span = fixture.onlySpan();
        Path inputs = directory.resolve(expectedDirectory(span) + "_inputs.json");
        Path outputs = directory.resolve(expectedDirectory(span) + "_outputs.json");
        assertThat(JSON.readTree(inputs.toFile())).isEqualTo(JSON.readTree(
                ContentEncoder.inputMessagesJson(CompletionHookTest.request().inputMessages())));
        assertThat(JSON.readTree(outputs.toFile())).isEqualTo(JSON.readTree(
                ContentEncoder.outputMessagesJson(CompletionHookTest.response().outputMessages())));
        String system = ContentEncoder.systemInstructionsJson(CompletionHookTest.request().systemInstructions());
        Path systemFile = directory.resolve("system_instructions/" + UploadCompletionHook.sha256(system) + ".json");
        assertThat(JSON.readTree(systemFile.toFile())).isEqualTo(JSON.readTree(system));
        String tools = ContentEncoder.toolDefinitionsJson(CompletionHookTest.request().toolDefinitions(), false);
        Path toolsFile = directory.resolve("tool_definitions/" + UploadCompletionHook.sha256(tools) + ".json");
        assertThat(JSON.readTree(toolsFile.toFile())).isEqualTo(JSON.readTree(tools));
        assertThat(span.getAttributes().get(GEN_AI_INPUT_MESSAGES_REF)).isEqualTo(inputs.toUri().toString());
        assertThat(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF)).isEqualTo(systemFile.toUri().toString());
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("."));
        }
        telemetry.close();
    }

    @Test
    void referencesOnTheSpanAndTheEventPointAtFilesThatExistAfterFlush() {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).build();
        GenAiTelemetry telemetry = telemetry(hook);

        chat(telemetry);
        telemetry.flush(Duration.ofSeconds(10));

        Attributes span = fixture.onlySpan().getAttributes();
        List<LogRecordData> events = fixture.events();
        assertThat(events).hasSize(1);
        for (AttributeKey<String> key : REFS) {
            assertThat(span.get(key)).as(key.getKey()).startsWith("file:");
            assertThat(events.get(0).getAttributes().get(key)).isEqualTo(span.get(key));
            assertThat(pathOf(span.get(key))).exists();
        }
        telemetry.close();
    }

    @Test
    void jsonlWritesOneObjectPerLineWithAnIndex() throws IOException {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory)
                .setFormat(UploadCompletionHook.Format.JSONL).build();
        GenAiTelemetry telemetry = telemetry(hook);

        telemetry.startInference(CompletionHookTest.request().toBuilder()
                .inputMessages(List.of(dev.genaiotel.semconv.message.InputMessage.text("user", "one"),
                        dev.genaiotel.semconv.message.InputMessage.text("user", "two")))
                .build()).end(CompletionHookTest.response());
        telemetry.flush(Duration.ofSeconds(10));

        String reference = fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES_REF);
        assertThat(reference).endsWith("_inputs.jsonl");
        List<String> lines = Files.readAllLines(pathOf(reference), StandardCharsets.UTF_8);
        JsonNode expected = JSON.readTree(ContentEncoder.inputMessagesJson(List.of(
                dev.genaiotel.semconv.message.InputMessage.text("user", "one"),
                dev.genaiotel.semconv.message.InputMessage.text("user", "two"))));
        assertThat(lines).hasSize(2);
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
            assertThat(line.get("index").asInt()).isEqualTo(i);
            line.remove("index");
            assertThat(line).isEqualTo(expected.get(i));
        }
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF)).endsWith(".jsonl");
        telemetry.close();
    }

    @Test
    void equalSystemInstructionsAreWrittenOnce() throws IOException {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).build();
        GenAiTelemetry telemetry = telemetry(hook);

        chat(telemetry);
        chat(telemetry);
        telemetry.flush(Duration.ofSeconds(10));

        try (Stream<Path> files = Files.list(directory.resolve("system_instructions"))) {
            assertThat(files).hasSize(1);
        }
        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans.get(0).getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF))
                .isEqualTo(spans.get(1).getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF));
        assertThat(spans.get(0).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF))
                .isNotEqualTo(spans.get(1).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF));
        telemetry.close();
    }

    @Test
    void aFullQueueDropsCountsLogsOnceAndStampsNoReferences() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).setOpenTelemetry(fixture.sdk)
                .setMaxQueueSize(1).beforeUpload(() -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).build();
        GenAiTelemetry telemetry = telemetry(hook);
        List<LogRecord> logged;
        try {
            chat(telemetry);
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            logged = CompletionHookTest.captureLogs(() -> {
                chat(telemetry);
                chat(telemetry);
                chat(telemetry);
            });
        } finally {
            release.countDown();
        }
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(4);
        assertThat(spans.get(1).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF)).isNotNull();
        for (SpanData dropped : spans.subList(2, 4)) {
            for (AttributeKey<String> key : REFS) {
                assertThat(dropped.getAttributes().get(key)).isNull();
            }
        }
        for (LogRecordData event : fixture.events().subList(2, 4)) {
            for (AttributeKey<String> key : REFS) {
                assertThat(event.getAttributes().get(key)).isNull();
            }
        }
        assertThat(dropped(UploadCompletionHook.QUEUE_FULL)).isEqualTo(2);
        assertThat(logged).filteredOn(r -> r.getMessage().contains("queue is full")).hasSize(1);
        for (SpanData accepted : spans.subList(0, 2)) {
            assertThat(pathOf(accepted.getAttributes().get(GEN_AI_OUTPUT_MESSAGES_REF))).exists();
        }
        telemetry.close();
    }

    @Test
    void anUnwritableBasePathDisablesTheHookWithOneErrorAndInferencesSucceed() throws IOException {
        Path file = Files.writeString(directory.resolve("file.txt"), "not a directory");
        List<LogRecord> logged = new ArrayList<>();
        UploadCompletionHook[] built = new UploadCompletionHook[1];
        logged.addAll(CompletionHookTest.captureLogs(() -> {
            built[0] = UploadCompletionHook.builder(file.resolve("sub")).setOpenTelemetry(fixture.sdk).build();
            GenAiTelemetry telemetry = telemetry(built[0]);
            assertThatCode(() -> {
                chat(telemetry);
                chat(telemetry);
                telemetry.close();
            }).doesNotThrowAnyException();
        }));

        assertThat(built[0].isEnabled()).isFalse();
        assertThat(logged).filteredOn(r -> r.getLevel() == Level.SEVERE).hasSize(1)
                .allMatch(r -> r.getMessage().contains("cannot be written"));
        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2)
                .allMatch(span -> span.getAttributes().get(GEN_AI_INPUT_MESSAGES_REF) == null);
    }

    @Test
    void anUnwritableBasePathFromConfigurationDisablesTheHook() throws IOException {
        Path file = Files.writeString(directory.resolve("file.txt"), "not a directory");
        List<LogRecord> logged = CompletionHookTest.captureLogs(() -> {
            GenAiTelemetry telemetry = fixture.builder(Map.of(), Map.of(
                    "OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK", "upload",
                    "OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH", file.resolve("sub").toString())).build();
            assertThatCode(() -> chat(telemetry)).doesNotThrowAnyException();
            telemetry.close();
        });

        assertThat(logged).filteredOn(r -> r.getLevel() == Level.SEVERE).hasSize(1);
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES_REF)).isNull();
    }

    @Test
    void aWriteFailureMidRunIsRetriedLoggedAndCountedAndFlushReturns() throws IOException {
        Path base = directory.resolve("uploads");
        UploadCompletionHook hook = UploadCompletionHook.builder(base).setOpenTelemetry(fixture.sdk).build();
        GenAiTelemetry telemetry = telemetry(hook);
        Files.delete(base);
        Files.writeString(base, "the directory is gone");

        List<LogRecord> logged = CompletionHookTest.captureLogs(() -> {
            assertThatCode(() -> {
                chat(telemetry);
                chat(telemetry);
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }).doesNotThrowAnyException();
        });

        assertThat(dropped(UploadCompletionHook.WRITE_FAILED)).isEqualTo(2);
        assertThat(logged).filteredOn(r -> r.getLevel() == Level.SEVERE).hasSize(1)
                .allMatch(r -> r.getMessage().contains("failed twice") && r.getThrown() != null);
        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
        telemetry.close();
    }

    @Test
    void theUriOfAnOpenZipFileSystemWorksAsTheBasePath() throws IOException {
        URI zip = URI.create("jar:" + directory.resolve("uploads.zip").toUri());
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            String baseUri = zipFs.getPath("/content").toUri().toString();
            GenAiTelemetry telemetry = fixture.builder(Map.of(
                    "otel.instrumentation.genai.completion-hook", "upload",
                    "otel.instrumentation.genai.upload-base-path", baseUri), Map.of()).setEmitEvent(true).build();

            chat(telemetry);
            telemetry.close();

            String reference = fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES_REF);
            assertThat(reference).startsWith("jar:");
            Path inputs = Path.of(URI.create(reference));
            assertThat(inputs.getFileSystem()).isSameAs(zipFs);
            assertThat(JSON.readTree(Files.readString(inputs))).isEqualTo(JSON.readTree(
                    ContentEncoder.inputMessagesJson(CompletionHookTest.request().inputMessages())));
            assertThat(inputs.toString()).startsWith("/content/" + expectedDirectory(fixture.onlySpan()));
        }
    }

    @Test
    void aZipFileSystemThatIsNotOpenIsOpenedAndClosedByTheHook() throws IOException {
        Path zipPath = directory.resolve("closed.zip");
        GenAiTelemetry telemetry = fixture.builder(Map.of(
                "otel.instrumentation.genai.completion-hook", "upload",
                "otel.instrumentation.genai.upload-base-path", "jar:" + zipPath.toUri() + "!/content"), Map.of())
                .build();

        chat(telemetry);
        telemetry.close();

        String reference = fixture.onlySpan().getAttributes().get(GEN_AI_OUTPUT_MESSAGES_REF);
        assertThat(zipPath).exists();
        try (FileSystem zipFs = FileSystems.newFileSystem(zipPath, Map.of())) {
            Path outputs = zipFs.getPath(reference.substring(reference.indexOf("!/") + 1));
            assertThat(JSON.readTree(Files.readString(outputs))).isEqualTo(JSON.readTree(
                    ContentEncoder.outputMessagesJson(CompletionHookTest.response().outputMessages())));
        }
    }

    @Test
    void closeWritesEverythingAccepted() {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).setMaxQueueSize(50).build();
        GenAiTelemetry telemetry = telemetry(hook);

        for (int i = 0; i < 30; i++) {
            chat(telemetry);
        }
        telemetry.close();

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(30);
        for (SpanData span : spans) {
            assertThat(pathOf(span.getAttributes().get(GEN_AI_INPUT_MESSAGES_REF))).exists();
            assertThat(pathOf(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES_REF))).exists();
        }
    }

    @Test
    void inferencesFinishingAfterTelemetryCloseAreCountedAsDroppedWithoutReferences() {
        UploadCompletionHook hook = UploadCompletionHook.builder(directory).setOpenTelemetry(fixture.sdk).build();
        GenAiTelemetry telemetry = telemetry(hook);
        Inference startedBefore = telemetry.startInference(CompletionHookTest.request());

        telemetry.close();
        startedBefore.end(CompletionHookTest.response());
        chat(telemetry);

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        for (SpanData span : spans) {
            for (AttributeKey<String> key : REFS) {
                assertThat(span.getAttributes().get(key)).as(key.getKey()).isNull();
            }
        }
        assertThat(dropped(UploadCompletionHook.CLOSED)).isEqualTo(2);
    }

    @Test
    void invalidQueueSizeAndFormatWarnOnceEachAndFallBackToTheDefaults() {
        List<LogRecord> logged = CompletionHookTest.captureLogs(() -> {
            GenAiTelemetry telemetry = fixture.builder(Map.of(), Map.of(
                    "OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK", "upload",
                    "OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH", directory.toString(),
                    "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT", "xml",
                    "OTEL_INSTRUMENTATION_GENAI_UPLOAD_MAX_QUEUE_SIZE", "lots")).build();
            chat(telemetry);
            telemetry.close();
        });

        assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(2);
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES_REF)).endsWith("_inputs.json");
    }
}
