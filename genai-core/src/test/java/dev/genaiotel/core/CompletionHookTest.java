package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CompletionHookTest {

    static final AttributeKey<String> HOOK_SAW = AttributeKey.stringKey("test.hook.saw");

    final TelemetryFixture fixture = new TelemetryFixture();

    /** Records what each completion held, and whether the span was still running then. */
    static final class RecordingHook implements CompletionHook {
        final List<CompletionHook.Completion> seen = new ArrayList<>();
        final List<Boolean> spanEnded = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final List<Integer> systems = new ArrayList<>();
        final List<Integer> tools = new ArrayList<>();
        boolean closed;
        boolean flushed;

        @Override
        public void onCompletion(Completion completion) {
            seen.add(completion);
            spanEnded.add(completion.span() instanceof ReadableSpan readable && readable.hasEnded());
            inputs.add(String.valueOf(completion.inputMessages()));
            outputs.add(String.valueOf(completion.outputMessages()));
            systems.add(completion.systemInstructions().size());
            tools.add(completion.toolDefinitions().size());
            completion.span().setAttribute(HOOK_SAW, completion.inputMessages().size() + " inputs");
            completion.eventAttributes().put(HOOK_SAW, "event");
        }

        @Override
        public boolean flush(Duration timeout) {
            flushed = true;
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class ThrowingHook implements CompletionHook {
        int calls;

        @Override
        public void onCompletion(Completion completion) {
            calls++;
            throw new IllegalStateException("hook broke");
        }
    }

    static InferenceRequest request() {
        return InferenceRequest.chat("openai", "gpt-4o")
                .systemInstructions(List.of(new MessagePart.Text("be brief")))
                .inputMessages(List.of(InputMessage.text("user", "hello alice@example.com")))
                .toolDefinitions(List.of(new FunctionToolDefinition("get_weather", "weather", Map.of())))
                .build();
    }

    static InferenceResponse response() {
        return InferenceResponse.builder().responseId("r1")
                .outputMessages(List.of(new OutputMessage("assistant", List.of(new MessagePart.Text("hi")), null,
                        "stop")))
                .build();
    }

    @Test
    void hookSeesContentBeforeTheSpanEndsAndCanSetSpanAndEventAttributes() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook).setEmitEvent(true));

        telemetry.startInference(request()).end(response());

        assertThat(hook.seen).hasSize(1);
        assertThat(hook.spanEnded).containsExactly(false);
        assertThat(hook.inputs.get(0)).contains("hello alice@example.com");
        assertThat(hook.outputs.get(0)).contains("hi");
        assertThat(hook.systems).containsExactly(1);
        assertThat(hook.tools).containsExactly(1);
        assertThat(fixture.onlySpan().getAttributes().get(HOOK_SAW)).isEqualTo("1 inputs");
        assertThat(fixture.events()).hasSize(1);
        assertThat(fixture.events().get(0).getAttributes().get(HOOK_SAW)).isEqualTo("event");
    }

    @Test
    void hookIsCalledForAFailedInference() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook));

        telemetry.startInference(request()).fail(new IllegalArgumentException("boom"));

        assertThat(hook.seen).hasSize(1);
        assertThat(hook.seen.get(0).operation().errorType()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(hook.inputs.get(0)).contains("hello");
        assertThat(hook.spanEnded).containsExactly(false);
        assertThat(fixture.onlySpan().getAttributes().get(HOOK_SAW)).isEqualTo("1 inputs");
    }

    @Test
    void hookIsCalledWhenTheSpanIsNotSampled() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .setSampler(Sampler.alwaysOff()).addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null).addCompletionHook(hook).build();

        telemetry.startInference(request()).end(response());

        assertThat(hook.seen).hasSize(1);
        assertThat(hook.seen.get(0).span().isRecording()).isFalse();
        assertThat(hook.seen.get(0).span().getSpanContext().isValid()).isTrue();
        assertThat(hook.inputs.get(0)).contains("hello");
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void hookGetsContentWithCaptureOffWhileTheSpanGetsNone() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook)
                .setContentCapture(ContentCapture.NO_CONTENT));

        Inference inference = telemetry.startInference(request());
        inference.onChunk(0, "streamed ");
        inference.onChunk(0, "answer");
        inference.end();

        assertThat(hook.inputs.get(0)).contains("hello alice@example.com");
        assertThat(hook.outputs.get(0)).contains("streamed answer");
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(fixture.onlySpan().getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
    }

    @Test
    void hookSeesRedactedContent() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook)
                .addContentRedactor(PatternRedactor.create()));

        telemetry.startInference(request()).end(response());

        assertThat(hook.inputs.get(0)).doesNotContain("alice@example.com").contains("[REDACTED:email]");
    }

    @Test
    void hookIsNotCalledForOtherOperations() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook));

        telemetry.startToolExecution(new ToolCall("get_weather", "c1", null, null, null, null)).end("sunny");

        assertThat(hook.seen).isEmpty();
    }

    @Test
    void throwingHookAddedInCodeIsLoggedOnceAndIsolated() {
        ThrowingHook broken = new ThrowingHook();
        RecordingHook later = new RecordingHook();
        List<LogRecord> logged = captureLogs(() -> {
            GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(broken).addCompletionHook(later));
            assertThatCode(() -> {
                telemetry.startInference(request()).end(response());
                telemetry.startInference(request()).end(response());
            }).doesNotThrowAnyException();
        });

        assertThat(broken.calls).isEqualTo(2);
        assertThat(later.seen).hasSize(2);
        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
        assertThat(logged).filteredOn(r -> r.getThrown() != null && "hook broke".equals(r.getThrown().getMessage()))
                .hasSize(1);
    }

    @Test
    void throwingHookFromAProviderIsLoggedOnceAndIsolated() {
        ThrowingHook broken = new ThrowingHook();
        CompletionHookProvider provider = new CompletionHookProvider() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public CompletionHook create(Context context) {
                return broken;
            }
        };
        List<LogRecord> logged = captureLogs(() -> {
            GenAiTelemetry telemetry = fixture.builder(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_COMPLETION_HOOK",
                    " Broken ")).addCompletionHookProvider(provider).build();
            assertThatCode(() -> {
                telemetry.startInference(request()).end(response());
                telemetry.startInference(request()).fail(new IllegalStateException("call failed"));
            }).doesNotThrowAnyException();
        });

        assertThat(broken.calls).isEqualTo(2);
        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(2);
        assertThat(logged).filteredOn(r -> r.getThrown() != null && "hook broke".equals(r.getThrown().getMessage()))
                .hasSize(1);
    }

    @Test
    void providersThatFailOrAreUnknownAreSkippedWithAWarning() {
        CompletionHookProvider failing = new CompletionHookProvider() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public CompletionHook create(Context context) {
                throw new IllegalStateException("factory broke");
            }
        };
        List<LogRecord> logged = captureLogs(() -> {
            GenAiTelemetry telemetry = fixture.builder().addCompletionHookProvider(failing)
                    .setCompletionHooks("failing,missing").build();
            telemetry.startInference(request()).end(response());
        });

        assertThat(fixture.spans.getFinishedSpanItems()).hasSize(1);
        assertThat(logged).anyMatch(r -> r.getMessage().contains("failing"))
                .anyMatch(r -> String.valueOf(r.getParameters() == null ? null : r.getParameters()[0])
                        .equals("missing"));
    }

    @Test
    void builtInUploadProviderIsFoundByServiceLoader() {
        List<LogRecord> logged = captureLogs(() -> fixture.builder().setCompletionHooks("upload").build());

        assertThat(logged).anyMatch(r -> r.getMessage().contains("OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH")
                || String.valueOf(r.getParameters() == null ? "" : r.getParameters()[0])
                        .contains("OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH"));
        assertThat(logged).noneMatch(r -> String.valueOf(r.getParameters() == null ? "" : r.getParameters()[0])
                .equals("upload"));
    }

    @Test
    void closeFlushesAndClosesHooks() {
        RecordingHook hook = new RecordingHook();
        GenAiTelemetry telemetry = fixture.telemetry(b -> b.addCompletionHook(hook));

        assertThat(telemetry.flush(Duration.ofSeconds(1))).isTrue();
        assertThat(hook.flushed).isTrue();
        telemetry.close();

        assertThat(hook.closed).isTrue();
    }

    static List<LogRecord> captureLogs(Runnable action) {
        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.genaiotel.core");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        synchronized (logged) {
            return new ArrayList<>(logged);
        }
    }
}
