package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.LibraryApp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An application that also wraps its openai-java client with genai-otel's library module still gets one span. */
class LibraryAlsoUsedIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        run = ChildJvm.run(LibraryApp.class, List.of(),
                entry -> Stream.of("genai-core", "genai-semconv", "provider-openai", "/opentelemetry-api/",
                        "/opentelemetry-context/", "/opentelemetry-common/").anyMatch(entry::contains),
                standIns.baseUrl());
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void eachCallHasExactlyOneGenAiSpan() {
        assertThat(run.output()).contains("RESULT library Paris is the capital of France.");
        List<Otlp.Span> chat = Spans.allGenAi(run.telemetry());
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).scope()).isEqualTo("dev.genaiotel");
        assertThat(chat.get(0).attributes()).containsEntry("gen_ai.usage.output_tokens", 8L);
        assertThat(Spans.httpChildren(run.telemetry(), chat.get(0))).hasSize(1);
    }

    @Test
    void noWarningAboutTheAgentsOwnInstrumentation() {
        assertThat(run.output()).doesNotContain("records its own GenAI spans");
    }
}
