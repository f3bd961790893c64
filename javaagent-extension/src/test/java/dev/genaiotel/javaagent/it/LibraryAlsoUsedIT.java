package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.genaiotel.javaagent.it.app.LangChain4jSteps;
import dev.genaiotel.javaagent.it.app.LibraryApp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application that also instruments its clients with genai-otel's library modules (an openai-java client it wraps,
 * a LangChain4j model with the library's listener, a streaming model it wraps, an AI service it instruments, an
 * anthropic-java client it wraps) still gets one span per call, the application's.
 */
class LibraryAlsoUsedIT {

    private static WireMockServer standIns;
    private static ChildJvm.Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        standIns = StandIns.start();
        run = ChildJvm.run(LibraryApp.class, List.of(),
                entry -> Stream.of("genai-core", "genai-semconv", "provider-openai", "provider-langchain4j",
                        "provider-anthropic").anyMatch(entry::contains),
                standIns.baseUrl());
    }

    @AfterAll
    static void stop() {
        standIns.stop();
    }

    @Test
    void eachCallHasExactlyOneGenAiSpan() {
        assertThat(run.output()).contains("RESULT library Paris is the capital of France.",
                "RESULT library-langchain4j-chat Paris is the capital of France.",
                "RESULT library-langchain4j-stream Paris is the capital of France.",
                "RESULT library-langchain4j-agent It is sunny and 24 degrees in Paris.",
                "RESULT library-anthropic Paris is the capital of France.");
        List<Otlp.Span> openAi = Spans.genAi(run.telemetry(), "chat", "openai", "gpt-4o-mini");
        assertThat(openAi).hasSize(1);
        assertThat(openAi.get(0).attributes()).containsEntry("gen_ai.usage.output_tokens", 8L);
        assertThat(Spans.httpChildren(run.telemetry(), openAi.get(0))).hasSize(1);
        assertThat(Spans.genAi(run.telemetry(), "chat", "openai", LangChain4jSteps.CHAT_MODEL)).hasSize(1);
        assertThat(Spans.genAi(run.telemetry(), "chat", "openai", LangChain4jSteps.AGENT_MODEL)).hasSize(2);
        assertThat(Spans.genAi(run.telemetry(), "chat", "anthropic")).hasSize(1);
        assertThat(Spans.allGenAi(run.telemetry())).hasSize(8)
                .allSatisfy(span -> assertThat(span.scope()).isEqualTo("dev.genaiotel"))
                .filteredOn(span -> "invoke_agent".equals(span.attribute("gen_ai.operation.name")))
                .hasSize(1);
    }

    @Test
    void theStreamingModelTheApplicationWrappedIsRecordedByItsWrapperOnly() {
        List<Otlp.Span> streamed = Spans.genAi(run.telemetry(), "chat", "openai", LangChain4jSteps.STREAMING_MODEL);
        assertThat(streamed).singleElement().satisfies(span -> {
            assertThat(span.attributes()).containsEntry("gen_ai.request.stream", true)
                    .containsKey("gen_ai.response.time_to_first_chunk");
            assertThat(Spans.httpChildren(run.telemetry(), span)).hasSize(1);
        });
    }

    @Test
    void noWarningAboutTheAgentsOwnInstrumentation() {
        assertThat(run.output()).doesNotContain("records its own GenAI spans");
    }
}
