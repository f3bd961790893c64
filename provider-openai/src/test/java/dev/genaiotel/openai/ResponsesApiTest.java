package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_STATUS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.Reasoning;
import com.openai.models.ReasoningEffort;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResponsesApiTest extends WireMockFixture {

    private static ResponseCreateParams params() {
        return ResponseCreateParams.builder()
                .model("gpt-4.1")
                .instructions("You are a terse assistant.")
                .input("What's the weather in Paris, and what should I pack?")
                .temperature(0.3)
                .maxOutputTokens(512L)
                .reasoning(Reasoning.builder().effort(ReasoningEffort.LOW).build())
                .previousResponseId("resp_previous123")
                .build();
    }

    @Test
    void createRecordsRequestAndResponseAttributes() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        client().responses().create(params());

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4.1");
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attr(span, OPENAI_API_TYPE)).isEqualTo("responses");
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4.1");
        assertThat(attr(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.3);
        assertThat(attr(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(512L);
        assertThat(attr(span, GEN_AI_REQUEST_REASONING_LEVEL)).isEqualTo("low");
        assertThat(attr(span, GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID)).isEqualTo("resp_previous123");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(328L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(52L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(128L);
        assertThat(attr(span, GEN_AI_USAGE_REASONING_OUTPUT_TOKENS)).isEqualTo(16L);
        assertThat(attr(span, OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("default");
        assertThat(attr(span, GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
    }

    @Test
    void conversationIdIsTheOneTheCallerGave() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        client().responses().create(ResponseCreateParams.builder().model("gpt-4.1").input("Hi")
                .conversation("conv_689667905b048191b4740501625afd940c7533ace33a2dab").build());

        assertThat(attr(onlySpan(), GEN_AI_CONVERSATION_ID))
                .isEqualTo("conv_689667905b048191b4740501625afd940c7533ace33a2dab");
    }

    @Test
    void instructionsAreSystemInstructionsAndOutputItemsAreParts() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        Response response = client(ContentCapture.SPAN_ONLY).responses().create(params());

        assertThat(response).isEqualTo(rawClient.responses().create(params()));
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_SYSTEM_INSTRUCTIONS))
                .isEqualTo("[{\"type\":\"text\",\"content\":\"You are a terse assistant.\"}]");
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                + "\"content\":\"What's the weather in Paris, and what should I pack?\"}]}]");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":["
                + "{\"type\":\"reasoning\",\"content\":\"The user asks for the weather; search first.\"},"
                + "{\"type\":\"server_tool_call\",\"id\":\"ws_67ccd2bed1ec8190\",\"name\":\"web_search\","
                + "\"server_tool_call\":{\"type\":\"web_search\",\"status\":\"completed\",\"action\":"
                + "{\"type\":\"search\",\"query\":\"weather Paris today\"}}},"
                + "{\"type\":\"server_tool_call\",\"id\":\"fs_67ccd2bed1ec8191\",\"name\":\"file_search\","
                + "\"server_tool_call\":{\"type\":\"file_search\",\"status\":\"completed\","
                + "\"queries\":[\"packing list\"]}},"
                + "{\"type\":\"server_tool_call_response\",\"id\":\"fs_67ccd2bed1ec8191\","
                + "\"server_tool_call_response\":{\"type\":\"file_search\",\"results\":[{\"file_id\":"
                + "\"file-2dtbBZdjtDKS8eqWxqbgDi\",\"filename\":\"trip.pdf\",\"score\":0.93,"
                + "\"text\":\"Bring an umbrella.\"}]}},"
                + "{\"type\":\"server_tool_call\",\"id\":\"ci_67ccd2bed1ec8192\",\"name\":\"code_interpreter\","
                + "\"server_tool_call\":{\"type\":\"code_interpreter\",\"status\":\"completed\","
                + "\"code\":\"print(21 * 2)\",\"container_id\":\"cntr_682d\"}},"
                + "{\"type\":\"server_tool_call_response\",\"id\":\"ci_67ccd2bed1ec8192\","
                + "\"server_tool_call_response\":{\"type\":\"code_interpreter\",\"outputs\":"
                + "[{\"logs\":\"42\\n\",\"type\":\"logs\"}]}},"
                + "{\"type\":\"text\",\"content\":\"Rainy, 14 °C. Bring an umbrella.\"}],"
                + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void functionCallRoundTripIsRecorded() {
        stubJson("/responses", 200, Payloads.RESPONSE_FUNCTION_CALL);
        ResponseCreateParams first = ResponseCreateParams.builder().model("gpt-4.1")
                .addTool(FunctionTool.builder().name("get_weather").description("Current weather")
                        .parameters(FunctionTool.Parameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object")).build())
                        .strict(true).build())
                .input("Weather in Paris?").build();

        Response response = client(ContentCapture.SPAN_ONLY).responses().create(first);
        client(ContentCapture.SPAN_ONLY).responses().create(first.toBuilder().inputOfResponse(List.of(
                ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder()
                        .role(EasyInputMessage.Role.USER).content("Weather in Paris?").build()),
                ResponseInputItem.ofFunctionCall(response.output().get(0).asFunctionCall()),
                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId("call_12345xyz").output("{\"temperature\":14}").build()))).build());

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(attr(finished.get(0), GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(attr(finished.get(0), GEN_AI_TOOL_DEFINITIONS))
                .isEqualTo("[{\"type\":\"function\",\"name\":\"get_weather\"}]");
        assertThat(attr(finished.get(0), GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"tool_call\",\"id\":\"call_12345xyz\",\"name\":\"get_weather\","
                + "\"arguments\":{\"location\":\"Paris, France\"}}],\"finish_reason\":\"tool_call\"}]");
        assertThat(attr(finished.get(1), GEN_AI_INPUT_MESSAGES)).isEqualTo("[{\"role\":\"user\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]},{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"tool_call\",\"id\":\"call_12345xyz\",\"name\":\"get_weather\",\"arguments\":"
                + "{\"location\":\"Paris, France\"}}]},{\"role\":\"tool\",\"parts\":[{\"type\":"
                + "\"tool_call_response\",\"id\":\"call_12345xyz\",\"response\":{\"temperature\":14}}]}]");
    }

    @Test
    void incompleteResponseFinishesWithLength() {
        stubJson("/responses", 200, Payloads.RESPONSE_INCOMPLETE);

        client().responses().create(params());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("length");
        assertThat(attr(span, OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("flex");
    }

    @Test
    void streamedResponseIsMappedFromItsTerminalEvent() {
        stubSse("/responses", Payloads.responseStream());

        List<ResponseStreamEvent> instrumented;
        try (StreamResponse<ResponseStreamEvent> stream = client(ContentCapture.SPAN_ONLY).responses()
                .createStreaming(params())) {
            instrumented = stream.stream().collect(Collectors.toList());
        }
        List<ResponseStreamEvent> raw;
        try (StreamResponse<ResponseStreamEvent> stream = rawClient.responses().createStreaming(params())) {
            raw = stream.stream().collect(Collectors.toList());
        }

        assertThat(instrumented).isEqualTo(raw).hasSize(4);
        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_s1");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(37L);
        assertThat(attr(span, GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isPositive();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hi there!\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void streamedResponseClosedEarlyKeepsTheTextSoFar() {
        stubSse("/responses", Payloads.responseStream());

        try (StreamResponse<ResponseStreamEvent> stream = client(ContentCapture.SPAN_ONLY).responses()
                .createStreaming(params())) {
            stream.stream().limit(2).forEach(event -> { });
        }

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_s1");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"Hi\"}],\"finish_reason\":\"error\"}]");
    }

    @Test
    void retrieveIsAFetchResponseOperation() {
        stubGetJson("/responses/resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b", 200, Payloads.RESPONSE);

        client().responses().retrieve("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b");

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("fetch_response");
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("fetch_response");
        assertThat(attr(span, OPENAI_API_TYPE)).isEqualTo("responses");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b");
        assertThat(attr(span, GEN_AI_RESPONSE_STATUS)).isEqualTo("completed");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isNull();
        assertThat(metrics.collectAllMetrics())
                .noneMatch(m -> m.getName().startsWith("gen_ai.client.inference.usage.")
                        || m.getName().equals("gen_ai.client.token.usage"));
    }

    @Test
    void retrieveOfAnUnknownIdKeepsTheIdAndTheStatusCode() {
        stubGetJson("/responses/resp_missing", 404, "{\"error\":{\"message\":\"Response with id 'resp_missing' "
                + "not found.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");

        Throwable failure = catchThrowable(() -> client().responses().retrieve("resp_missing"));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("404");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_missing");
    }

    @Test
    void asyncCreateIsInstrumented() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        asyncClient().responses().create(params()).join();

        assertThat(attr(awaitOnlySpan(), GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(52L);
    }

    @Test
    void requestSentIsUnchanged() {
        stubJson("/responses", 200, Payloads.RESPONSE);

        client().responses().create(params());

        server.verify(postRequestedFor(urlPathEqualTo("/v1/responses")).withRequestBody(equalToJson(
                        "{\"model\":\"gpt-4.1\",\"instructions\":\"You are a terse assistant.\",\"input\":"
                                + "\"What's the weather in Paris, and what should I pack?\",\"temperature\":0.3,"
                                + "\"max_output_tokens\":512,\"reasoning\":{\"effort\":\"low\"},"
                                + "\"previous_response_id\":\"resp_previous123\"}")));
    }

    @Test
    void asyncStreamedResponseIsInstrumented() {
        stubSse("/responses", Payloads.responseStream());
        List<ResponseStreamEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        asyncClient().responses().createStreaming(params()).subscribe(seen::add).onCompleteFuture().join();

        SpanData span = awaitOnlySpan();
        assertThat(seen).hasSize(4);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(11L);
    }

    @Test
    void errorEventInAResponsesStreamFailsTheSpanWithItsCode() {
        stubSse("/responses", Payloads.event("response.created", "{\"type\":\"response.created\","
                + "\"sequence_number\":0,\"response\":{\"id\":\"resp_e\",\"object\":\"response\","
                + "\"created_at\":1741290958,\"status\":\"in_progress\",\"model\":\"gpt-4.1\",\"output\":[],"
                + "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}}")
                + Payloads.event("error", "{\"type\":\"error\",\"sequence_number\":1,\"code\":"
                + "\"rate_limit_exceeded\",\"message\":\"Slow down.\",\"param\":null}"));

        Throwable instrumented = catchThrowable(() -> {
            try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(params())) {
                stream.stream().forEach(event -> { });
            }
        });
        Throwable raw = catchThrowable(() -> {
            try (StreamResponse<ResponseStreamEvent> stream = rawClient.responses().createStreaming(params())) {
                stream.stream().forEach(event -> { });
            }
        });

        assertThat(instrumented == null ? null : instrumented.getClass())
                .isEqualTo(raw == null ? null : raw.getClass());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("rate_limit_exceeded");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("resp_e");
    }
}
