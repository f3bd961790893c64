package dev.genaiotel.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * genai-otel next to the real OpenTelemetry Java agent 2.33.1: a child JVM runs {@link AgentChild} under the agent,
 * which exports over OTLP to a receiver in this test, and calls an OpenAI stand-in served here.
 */
class JavaAgentCoexistenceTest {

    private static final String CHAT_COMPLETION = """
            {"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
             "model": "gpt-4o-mini-2024-07-18",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris.", "refusal": null,
                          "annotations": []}, "logprobs": null, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 14, "completion_tokens": 2, "total_tokens": 16},
             "service_tier": "default", "system_fingerprint": "fp_06737a9306"}
            """;

    private OtlpReceiver receiver;
    private HttpServer openAi;

    @BeforeEach
    void start() throws Exception {
        receiver = new OtlpReceiver();
        openAi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        openAi.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = CHAT_COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        openAi.start();
    }

    @AfterEach
    void stop() {
        openAi.stop(0);
        receiver.close();
    }

    private record Run(String output, List<Span> chatSpans) {}

    private Run runUnderAgent(String... extraProperties) throws Exception {
        String agent = Objects.requireNonNull(System.getProperty("genai.test.javaagent"), "genai.test.javaagent");
        String classPath = Stream.of(System.getProperty("genai.test.classes"), System.getProperty("jdk.module.path"),
                        System.getProperty("java.class.path"))
                .filter(Objects::nonNull).filter(part -> !part.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent,
                "-Dotel.service.name=agent-child",
                "-Dotel.traces.exporter=otlp",
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none",
                "-Dotel.exporter.otlp.protocol=http/protobuf",
                "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
                "-Dotel.bsp.schedule.delay=50",
                "-Dotel.javaagent.logging=none",
                // Only the instrumentation under test and the bridge from the application's OpenTelemetry API to the
                // agent's SDK, which genai-otel records through: the others would add startup time and other spans.
                "-Dotel.instrumentation.common.default-enabled=false",
                "-Dotel.instrumentation.opentelemetry-api.enabled=true",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-cp", classPath, AgentChild.class.getName(), "http://"
                + openAi.getAddress().getHostString() + ":" + openAi.getAddress().getPort() + "/v1"));
        Path log = Files.createTempFile("agent-child", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isZero();
            List<Span> chat = receiver.spans().stream().map(entry -> entry.getValue())
                    .filter(span -> "chat".equals(
                            Otlp.attributes(span.getAttributesList()).get("gen_ai.operation.name")))
                    .toList();
            return new Run(output, chat);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void withTheDocumentedFlagThereIsExactlyOneChatSpanAndNoWarning() throws Exception {
        Run run = runUnderAgent("-Dotel.instrumentation.openai-java.enabled=false");

        assertThat(run.output()).contains("ANSWER Paris.").doesNotContain("records its own GenAI spans");
        assertThat(run.chatSpans()).hasSize(1);
        Span span = run.chatSpans().get(0);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(Otlp.attributes(span.getAttributesList())).containsEntry("gen_ai.usage.output_tokens", 2L);
    }

    @Test
    void withoutTheFlagTheAgentDuplicatesTheSpanAndGenAiOtelWarnsOnceNamingTheFlag() throws Exception {
        Run run = runUnderAgent("-Dotel.instrumentation.openai-java.enabled=true");

        assertThat(run.output()).contains("ANSWER Paris.");
        assertThat(run.chatSpans()).hasSize(2);
        String warning = "-Dotel.instrumentation.openai-java.enabled=false";
        assertThat(run.output()).contains(warning);
        assertThat(run.output().indexOf(warning)).isEqualTo(run.output().lastIndexOf(warning));
    }
}
