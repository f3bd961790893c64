package dev.genaiotel.ollama;

import static dev.genaiotel.ollama.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.ollama.OllamaStub.Answer;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code OllamaTelemetry.create(GenAiTelemetry)}: the README's set-up line, and who owns the telemetry. */
class EntryPointTest {

    private final Telemetry telemetry = new Telemetry();
    private final HttpClient raw = HttpClient.newHttpClient();
    private OllamaStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new OllamaStub().answer("POST", "/api/chat", Answer.json(200, Payloads.CHAT_RESPONSE));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private void chat(HttpClient client) throws Exception {
        client.send(HttpRequest.newBuilder(stub.uri("/api/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Payloads.CHAT_REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createWithGenAiTelemetryRecordsContentByItsCaptureMode() throws Exception {
        chat(OllamaTelemetry.create(telemetry.genAi(ContentCapture.SPAN_ONLY)).wrap(raw));

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).contains("Why is the sky blue?");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).contains("Rayleigh scattering");
    }

    @Test
    void createWithGenAiTelemetryKeepsContentOffWhenItsModeIsOff() throws Exception {
        chat(OllamaTelemetry.create(telemetry.genAi(ContentCapture.NO_CONTENT)).wrap(raw));

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("llama3.2");
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isNull();
    }

    @Test
    void genAiTelemetryIsTheOneGivenToCreate() {
        GenAiTelemetry shared = telemetry.genAi(ContentCapture.NO_CONTENT);

        assertThat(OllamaTelemetry.create(shared).genAiTelemetry()).isSameAs(shared);
    }

    @Test
    void genAiTelemetryOfCreateWithOpenTelemetryIsTheOneItRecordsThrough() throws Exception {
        OllamaTelemetry instrumentation = OllamaTelemetry.create(telemetry.sdk);
        instrumentation.genAiTelemetry().setEnabled(false);

        chat(instrumentation.wrap(raw));

        assertThat(telemetry.finished()).isEmpty();
        instrumentation.genAiTelemetry().close();
    }
}
