package dev.genaiotel.anthropic;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.opentelemetry.OpenTelemetryOptions;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.genaiotel.anthropic.internal.Wrapping;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients and services derived from a wrapped client stay instrumented, the provider and server follow the derived
 * options, and anthropic-java's own spans do not double the GenAI span.
 */
class ClientDerivationTest extends AnthropicFixture {

    @Test
    void wrappingTwiceReturnsTheSameInstrumentedClient() {
        AnthropicTelemetry telemetry = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT));
        AnthropicClient once = telemetry.wrap(rawClient);
        assertThat(telemetry.wrap(once)).isSameAs(once);
    }

    @Test
    void unwrappingGivesTheClientUnderTheInstrumentationAndLeavesOtherObjectsAlone() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicTelemetry telemetry = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT));
        AnthropicClientAsync async = rawClient.async();

        Object unwrapped = Wrapping.unwrap(telemetry.wrap(rawClient));
        ((AnthropicClient) unwrapped).messages().create(MessagesTest.params());

        assertThat(unwrapped).isInstanceOf(AnthropicClient.class).isNotSameAs(telemetry.wrap(rawClient));
        assertThat(Wrapping.unwrap(telemetry.wrap(async))).isInstanceOf(AnthropicClientAsync.class)
                .isNotInstanceOf(telemetry.wrap(async).getClass());
        assertThat(Wrapping.unwrap(rawClient)).isSameAs(rawClient);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void derivedClientsAndServicesAreInstrumented() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicClient client = client();

        client.withOptions(builder -> builder.maxRetries(1)).messages().create(MessagesTest.params());
        client.messages().withOptions(builder -> builder.maxRetries(1)).create(MessagesTest.params());
        client.async().sync().messages().create(MessagesTest.params());
        client.async().messages().create(MessagesTest.params()).join();
        client.withRawResponse().withOptions(builder -> builder.maxRetries(1)).messages().create(MessagesTest.params())
                .parse();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (spans.getFinishedSpanItems().size() < 5 && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertThat(spans.getFinishedSpanItems()).hasSize(5)
                .allSatisfy(span -> assertThat(span.getName()).isEqualTo("chat claude-sonnet-4-5"));
    }

    @Test
    void withOptionsToAnotherBaseUrlReportsTheNewServer() {
        WireMockServer other = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/messages")
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Payloads.TEXT_MESSAGE)));
            client().withOptions(builder -> builder.baseUrl("http://127.0.0.1:" + other.port())).messages()
                    .create(MessagesTest.params());

            SpanData span = onlySpan();
            assertThat(span.getAttributes().get(SERVER_ADDRESS)).isEqualTo("127.0.0.1");
            assertThat(span.getAttributes().get(SERVER_PORT)).isEqualTo((long) other.port());
        } finally {
            other.stop();
        }
    }

    @Test
    void providerNameCanBeSetForAGateway() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicTelemetry.builder(telemetry(ContentCapture.NO_CONTENT)).setProviderName("litellm").build()
                .wrap(rawClient).messages().create(MessagesTest.params());
        assertThat(onlySpan().getAttributes().get(GEN_AI_PROVIDER_NAME)).isEqualTo("litellm");
    }

    @Test
    void theClientsOwnSpansAreSwitchedOffSoEachCallHasOneGenAiSpan() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicClient selfTracing = selfTracingClient();
        try {
            selfTracing.messages().create(MessagesTest.params());
            assertThat(spanNames()).containsExactly("anthropic.messages.create");
            spans.reset();

            AnthropicClient wrapped = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT))
                    .wrap(selfTracing);
            wrapped.messages().create(MessagesTest.params());
            wrapped.withOptions(builder -> builder.maxRetries(0)).messages().create(MessagesTest.params());

            assertThat(spanNames()).containsExactly("chat claude-sonnet-4-5", "chat claude-sonnet-4-5");
        } finally {
            selfTracing.close();
        }
    }

    @Test
    void theClientsOwnSpansCanBeKeptAndNestUnderTheGenAiSpan() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicClient selfTracing = selfTracingClient();
        try {
            AnthropicTelemetry.builder(telemetry(ContentCapture.NO_CONTENT)).setKeepClientSpans(true).build()
                    .wrap(selfTracing).messages().create(MessagesTest.params());

            List<SpanData> finished = spans.getFinishedSpanItems();
            assertThat(finished).hasSize(2);
            SpanData own = finished.stream().filter(span -> span.getName().equals("anthropic.messages.create"))
                    .findFirst().orElseThrow();
            SpanData ours = finished.stream().filter(span -> span.getName().equals("chat claude-sonnet-4-5"))
                    .findFirst().orElseThrow();
            assertThat(own.getParentSpanId()).isEqualTo(ours.getSpanId());
        } finally {
            selfTracing.close();
        }
    }

    @Test
    void asyncClientIsWrappedWithTheSameEndpoint() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        AnthropicClientAsync client = asyncClient();
        client.messages().create(MessagesTest.params()).join();
        SpanData span = awaitOnlySpan();
        assertThat(span.getAttributes().get(GEN_AI_PROVIDER_NAME)).isEqualTo("anthropic");
        assertThat(span.getAttributes().get(SERVER_PORT)).isEqualTo((long) server.port());
    }

    /** A client that emits anthropic-java's own spans into the test SDK. */
    private AnthropicClient selfTracingClient() {
        return AnthropicOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).maxRetries(0)
                .openTelemetry(OpenTelemetryOptions.builder().tracerProvider(sdk.getTracerProvider()).build())
                .build();
    }

    private List<String> spanNames() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }
}
