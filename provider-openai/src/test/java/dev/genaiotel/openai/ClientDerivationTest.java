package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientDerivationTest extends WireMockFixture {

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
    }

    @BeforeEach
    void stubChat() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);
    }

    @Test
    void withOptionsStaysInstrumented() {
        client().withOptions(options -> options.timeout(Duration.ofSeconds(5))).chat().completions()
                .create(params());

        assertThat(attr(onlySpan(), GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    }

    @Test
    void withOptionsOnAServiceStaysInstrumented() {
        client().chat().withOptions(options -> options.maxRetries(0)).completions()
                .withOptions(options -> options.timeout(Duration.ofSeconds(5))).create(params());

        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void withOptionsChangingTheBaseUrlChangesTheServerAttributes() {
        client().withOptions(options -> options.baseUrl("http://127.0.0.1:" + server.port() + "/v1")).chat()
                .completions().create(params());

        assertThat(attr(onlySpan(), SERVER_ADDRESS)).isEqualTo("127.0.0.1");
    }

    @Test
    void rawResponseEndsTheSpanWhenParsed() {
        HttpResponseFor<ChatCompletion> response = client().withRawResponse().chat().completions().create(params());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.requestId()).contains("req_123");
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        ChatCompletion completion = response.parse();

        assertThat(response.parse()).isSameAs(completion);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo(completion.id());
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1117L);
    }

    @Test
    void rawResponseClosedUnparsedEndsTheSpanWithoutResponseDetails() {
        client().withRawResponse().chat().completions().create(params()).close();

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isNull();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).isNull();
    }

    @Test
    void rawResponseOfTheRawClientViewStaysInstrumented() {
        client().withRawResponse().withOptions(options -> options.maxRetries(0)).chat().completions()
                .create(params()).parse();

        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void asyncViewOfASyncClientStaysInstrumented() {
        client().async().chat().completions().create(params()).join();

        assertThat(attr(awaitOnlySpan(), GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    }

    @Test
    void syncViewOfAnAsyncClientStaysInstrumented() {
        asyncClient().sync().chat().completions().create(params());

        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void asyncRawResponseIsInstrumented() {
        asyncClient().withRawResponse().chat().completions().create(params()).join().parse();

        assertThat(attr(awaitOnlySpan(), GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    }

    @Test
    void servicesWithoutModelCallsPassThroughUntraced() {
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
                        + "\"created\":1721172741,\"owned_by\":\"system\"}]}")));
        OpenAIClient client = client();

        assertThat(client.models().list().data()).hasSize(1);
        assertThat(client.models().getClass()).isEqualTo(rawClient.models().getClass());
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void wrappingAnInstrumentedClientAgainReturnsIt() {
        OpenAITelemetry instrumentation = instrumentation(ContentCapture.NO_CONTENT);
        OpenAIClient once = instrumentation.wrap(rawClient);

        assertThat(instrumentation.wrap(once)).isSameAs(once);
        once.chat().completions().create(params());
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void switchedOffTelemetryRecordsNothingAndChangesNothing() {
        GenAiTelemetry telemetry = telemetry(ContentCapture.SPAN_AND_EVENT);
        telemetry.setEnabled(false);

        ChatCompletion completion = OpenAITelemetry.builder(telemetry).build().wrap(rawClient).chat().completions()
                .create(params());

        assertThat(completion).isEqualTo(rawClient.chat().completions().create(params()));
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void unrecognisedBaseUrlUsesTheConfiguredProviderName() {
        OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT)).setProviderName("vllm").build()
                .wrap(rawClient).chat().completions().create(params());

        assertThat(attr(onlySpan(), GEN_AI_PROVIDER_NAME)).isEqualTo("vllm");
    }

    @Test
    void createWithOpenTelemetryOnlyUsesTheDefaults() {
        OpenAITelemetry.create(sdk).wrap(rawClient).chat().completions().create(params());

        assertThat(attr(onlySpan(), GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    }

    @Test
    void rawResponsesOfEveryMappedEndpointAreInstrumented() {
        stubJson("/responses", 200, Payloads.RESPONSE);
        stubJson("/completions", 200, Payloads.COMPLETION);
        stubGetJson("/responses/resp_1", 200, Payloads.RESPONSE);
        stubJson("/embeddings", 200, Payloads.EMBEDDINGS);
        OpenAIClient.WithRawResponse raw = client().withRawResponse();

        raw.responses().create(ResponseCreateParams.builder().model("gpt-4.1").input("Hi").build()).parse();
        raw.completions().create(CompletionCreateParams.builder().model("gpt-3.5-turbo-instruct").prompt("Hi")
                .build()).parse();
        raw.responses().retrieve("resp_1").parse();
        asyncClient().withRawResponse().embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("Hi").build()).join().parse();

        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly(
                "chat gpt-4.1", "text_completion gpt-3.5-turbo-instruct", "fetch_response",
                "embeddings text-embedding-3-small");
    }

    @Test
    void asyncRetrieveIsAFetchResponse() {
        stubGetJson("/responses/resp_1", 200, Payloads.RESPONSE);

        asyncClient().responses().retrieve("resp_1").join();

        assertThat(awaitOnlySpan().getName()).isEqualTo("fetch_response");
    }
}
