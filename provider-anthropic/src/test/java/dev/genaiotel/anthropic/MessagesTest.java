package dev.genaiotel.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.OutputConfig;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.WebSearchTool20250305;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code messages().create}, sync, async and raw: request and response attributes, content, usage, errors. */
class MessagesTest extends AnthropicFixture {

    static MessageCreateParams params() {
        return MessageCreateParams.builder().model(Payloads.MODEL).maxTokens(1024).addUserMessage("Hello, Claude")
                .build();
    }

    static MessageParam messageParam(String json) {
        try {
            return ObjectMappers.jsonMapper().readValue(json, MessageParam.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createRecordsTheRequestTheResponseAndTheUsageWithCacheTokensInTheInput() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        MessageCreateParams params = MessageCreateParams.builder().model(Payloads.MODEL).maxTokens(1024)
                .system("You are terse.").addUserMessage("Hello, Claude")
                .stopSequences(List.of("###", "END"))
                .putAdditionalBodyProperty("temperature", JsonValue.from(0.7))
                .putAdditionalBodyProperty("top_p", JsonValue.from(0.9))
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .outputConfig(OutputConfig.builder().effort(OutputConfig.Effort.HIGH).build())
                .build();

        Message message = client().messages().create(params);

        assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat claude-sonnet-4-5");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("anthropic");
        assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
        assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("claude-sonnet-4-5");
        assertThat(attr(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(1024L);
        assertThat(attr(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.7);
        assertThat(attr(span, GEN_AI_REQUEST_TOP_P)).isEqualTo(0.9);
        assertThat(attr(span, GEN_AI_REQUEST_TOP_K)).isEqualTo(40L);
        assertThat(attr(span, GEN_AI_REQUEST_STOP_SEQUENCES)).containsExactly("###", "END");
        assertThat(attr(span, GEN_AI_REQUEST_REASONING_LEVEL)).isEqualTo("high");
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(312L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(9L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(200L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS)).isEqualTo(100L);
        assertThat(attr(span, GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
        server.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.temperature", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("0.7"))));
    }

    @Test
    void createRecordsTheV010InferenceMetrics() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        client().messages().create(params());

        List<HistogramPointData> durations = points("gen_ai.client.inference.duration");
        assertThat(durations).hasSize(1);
        Attributes attributes = durations.get(0).getAttributes();
        assertThat(attributes.get(GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attributes.get(GEN_AI_PROVIDER_NAME)).isEqualTo("anthropic");
        assertThat(attributes.get(GEN_AI_REQUEST_MODEL)).isEqualTo("claude-sonnet-4-5");
        assertThat(attributes.get(GEN_AI_RESPONSE_MODEL)).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(attributes.get(SERVER_ADDRESS)).isEqualTo("localhost");
        assertThat(attributes.get(ERROR_TYPE)).isNull();
        assertThat(counter("gen_ai.client.inference.usage.input_tokens")).isEqualTo(312L);
        assertThat(counter("gen_ai.client.inference.usage.output_tokens")).isEqualTo(9L);
        assertThat(counter("gen_ai.client.inference.usage.cache_read.input_tokens")).isEqualTo(200L);
        assertThat(counter("gen_ai.client.inference.usage.cache_write.input_tokens")).isEqualTo(100L);
        assertThat(points("gen_ai.client.inference.operation.input_tokens").get(0).getSum()).isEqualTo(312.0);
        assertThat(findMetric("gen_ai.client.token.usage")).isEmpty();
        assertThat(findMetric("gen_ai.client.inference.time_to_first_chunk")).isEmpty();
    }

    @Test
    void callerSeesTheSameMessageAsFromTheRawClient() {
        stubJson(200, Payloads.WEB_SEARCH_MESSAGE);
        Message raw = rawClient.messages().create(params());
        Message traced = client(ContentCapture.SPAN_ONLY).messages().create(params());
        assertThat(traced).isEqualTo(raw);
        assertThat(traced.content()).isEqualTo(raw.content());
    }

    @Test
    void toolCallRoundTripIsRecordedWithContent() {
        AnthropicClient client = client(ContentCapture.SPAN_ONLY);
        Tool weather = Tool.builder().name("get_weather").description("Current weather for a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("location", JsonValue.from(Map.of("type", "string")))
                                .build())
                        .required(List.of("location")).build())
                .build();
        stubJson(200, Payloads.TOOL_USE_MESSAGE);
        MessageCreateParams first = MessageCreateParams.builder().model(Payloads.MODEL).maxTokens(1024)
                .system("Answer with the tools.").addTool(weather)
                .addUserMessage("What is the weather in Paris?").build();
        Message toolUse = client.messages().create(first);

        SpanData firstSpan = onlySpan();
        assertThat(attr(firstSpan, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(json(firstSpan, GEN_AI_SYSTEM_INSTRUCTIONS)).isEqualTo(parse("""
                [{"type":"text","content":"Answer with the tools."}]"""));
        assertThat(json(firstSpan, GEN_AI_TOOL_DEFINITIONS)).isEqualTo(parse("""
                [{"type":"function","name":"get_weather"}]"""));
        assertThat(json(firstSpan, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[
                  {"type":"text","content":"I'll check the weather in Paris."},
                  {"type":"tool_call","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                   "arguments":{"location":"Paris, France","unit":"celsius"}}],"finish_reason":"tool_call"}]"""));

        spans.reset();
        stubJson(200, Payloads.FINAL_AFTER_TOOL);
        MessageCreateParams second = first.toBuilder().addMessage(toolUse)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam
                        .builder().toolUseId("toolu_01A09q90qw90lq917835lq9").content("15 degrees, cloudy").build())))
                .build();
        client.messages().create(second);

        SpanData secondSpan = onlySpan();
        assertThat(json(secondSpan, GEN_AI_INPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"user","parts":[{"type":"text","content":"What is the weather in Paris?"}]},
                 {"role":"assistant","parts":[
                   {"type":"text","content":"I'll check the weather in Paris."},
                   {"type":"tool_call","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                    "arguments":{"location":"Paris, France","unit":"celsius"}}]},
                 {"role":"user","parts":[{"type":"tool_call_response","id":"toolu_01A09q90qw90lq917835lq9",
                   "response":"15 degrees, cloudy"}]}]"""));
        assertThat(json(secondSpan, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[{"type":"text","content":"It is 15 degrees and cloudy in Paris."}],
                  "finish_reason":"stop"}]"""));
    }

    @Test
    void thinkingAndRedactedThinkingAreRecordedAsReasoning() {
        stubJson(200, Payloads.THINKING_MESSAGE);
        client(ContentCapture.SPAN_ONLY).messages().create(params());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_USAGE_REASONING_OUTPUT_TOKENS)).isEqualTo(95L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(120L);
        assertThat(json(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[
                  {"type":"reasoning","content":"The user asks for 6 times 7. That is 42."},
                  {"type":"reasoning","content":"","redacted":true},
                  {"type":"text","content":"6 times 7 is 42."}],"finish_reason":"stop"}]"""));
    }

    @Test
    void serverToolCallsResultsAndCitationsAreRecorded() {
        stubJson(200, Payloads.WEB_SEARCH_MESSAGE);
        MessageCreateParams params = params().toBuilder()
                .addTool(WebSearchTool20250305.builder().maxUses(3L).build()).build();
        client(ContentCapture.SPAN_ONLY).messages().create(params);

        SpanData span = onlySpan();
        assertThat(json(span, GEN_AI_TOOL_DEFINITIONS)).isEqualTo(parse("""
                [{"type":"web_search_20250305","name":"web_search"}]"""));
        assertThat(json(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"assistant","parts":[
                  {"type":"server_tool_call","id":"srvtoolu_01WYG3ziw53XMcoyKL4XcZmE","name":"web_search",
                   "server_tool_call":{"type":"web_search","input":{"query":"claude shannon birth date"}}},
                  {"type":"server_tool_call_response","id":"srvtoolu_01WYG3ziw53XMcoyKL4XcZmE",
                   "server_tool_call_response":{"type":"web_search","content":[{"type":"web_search_result",
                     "url":"https://en.wikipedia.org/wiki/Claude_Shannon","title":"Claude Shannon - Wikipedia",
                     "encrypted_content":"EqgfCioIARgBIiQ3YTAw","page_age":"April 30, 2025"}]}},
                  {"type":"text","content":"Claude Shannon was born on April 30, 1916, in Petoskey, Michigan",
                   "citations":[{"type":"web_search_result_location",
                     "url":"https://en.wikipedia.org/wiki/Claude_Shannon","title":"Claude Shannon - Wikipedia",
                     "encrypted_index":"Eo8BCioIAhgBIiQy",
                     "cited_text":"Claude Elwood Shannon (April 30, 1916 - February 24, 2001)"}]}],
                  "finish_reason":"stop"}]"""));
    }

    @Test
    void imagesAndDocumentsInTheRequestAreRecordedAsBlobsUrisAndFiles() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        MessageCreateParams params = MessageCreateParams.builder().model(Payloads.MODEL).maxTokens(256)
                .addMessage(messageParam("""
                        {"role":"user","content":[
                          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                          {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
                          {"type":"document","source":{"type":"base64","media_type":"application/pdf",
                           "data":"JVBERi0xLjQK"},"title":"Report"},
                          {"type":"document","source":{"type":"text","media_type":"text/plain","data":"Plain notes"}},
                          {"type":"document","source":{"type":"file","file_id":"file_011CNha8iCJcU1wXNR6q4V8w"}},
                          {"type":"text","text":"Describe these."}]}"""))
                .build();
        clientKeepingBlobs().messages().create(params);

        assertThat(json(onlySpan(), GEN_AI_INPUT_MESSAGES)).isEqualTo(parse("""
                [{"role":"user","parts":[
                  {"type":"blob","mime_type":"image/png","modality":"image","content":"iVBORw0KGgo="},
                  {"type":"uri","modality":"image","uri":"https://example.com/cat.jpg"},
                  {"type":"blob","mime_type":"application/pdf","modality":"document","content":"JVBERi0xLjQK"},
                  {"type":"blob","mime_type":"text/plain","modality":"document","content":"UGxhaW4gbm90ZXM="},
                  {"type":"file","modality":"document","file_id":"file_011CNha8iCJcU1wXNR6q4V8w"},
                  {"type":"text","content":"Describe these."}]}]"""));
    }

    @Test
    void structuredOutputIsRecordedAsJsonOutputType() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        MessageCreateParams params = params().toBuilder().outputConfig(messageOutputConfig()).build();
        client().messages().create(params);
        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_TYPE)).isEqualTo("json");
    }

    private static OutputConfig messageOutputConfig() {
        try {
            return ObjectMappers.jsonMapper().readValue("""
                    {"format":{"type":"json_schema","schema":{"type":"object","properties":{"answer":
                    {"type":"string"}},"required":["answer"],"additionalProperties":false}}}""",
                    OutputConfig.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void asyncCreateEndsWhenTheFutureCompletes() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        Message message = asyncClient().messages().create(params()).join();

        assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(312L);
    }

    @Test
    void rawResponseIsTracedUntilParsed() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        HttpResponseFor<Message> response = client().withRawResponse().messages().create(params());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(spans.getFinishedSpanItems()).isEmpty();

        Message message = response.parse();

        assertThat(message.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(attr(onlySpan(), GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, 'max_tokens: Field required', com.anthropic.errors.BadRequestException",
        "401, authentication_error, 'invalid x-api-key', com.anthropic.errors.UnauthorizedException",
        "429, rate_limit_error, 'Number of request tokens has exceeded your per-minute rate limit', "
                + "com.anthropic.errors.RateLimitException",
        "529, overloaded_error, Overloaded, com.anthropic.errors.OverloadedException"})
    void httpErrorsAreRecordedWithTheStatusAndRethrownUnchanged(int status, String type, String message,
            String exceptionClass) {
        stubJson(status, Payloads.error(type, message));

        Throwable raw = catchThrowable(() -> rawClient.messages().create(params()));
        Throwable traced = catchThrowable(() -> client().messages().create(params()));

        assertThat(traced).isInstanceOf(AnthropicServiceException.class);
        assertThat(traced.getClass().getName()).isEqualTo(exceptionClass).isEqualTo(raw.getClass().getName());
        assertThat(traced.getMessage()).isEqualTo(raw.getMessage());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo(Integer.toString(status));
        assertThat(span.getEvents()).anyMatch(event -> event.getName().equals("exception"));
        assertThat(points("gen_ai.client.inference.duration").get(0).getAttributes().get(ERROR_TYPE))
                .isEqualTo(Integer.toString(status));
    }

    @Test
    void asyncHttpErrorReachesTheCallerAsTheSameException() {
        stubJson(529, Payloads.error("overloaded_error", "Overloaded"));
        Throwable error = catchThrowable(() -> asyncClient().messages().create(params()).join());

        assertThat(error).isInstanceOf(CompletionException.class);
        assertThat(error.getCause()).isInstanceOf(com.anthropic.errors.OverloadedException.class);
        assertThat(attr(awaitOnlySpan(), ERROR_TYPE)).isEqualTo("529");
    }

    @Test
    void connectionRefusedIsRecordedWithTheCauseClass() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AnthropicClient unreachable = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port)
                .apiKey(API_KEY).maxRetries(0).build();
        try {
            AnthropicClient client = AnthropicTelemetry.create(telemetry(ContentCapture.NO_CONTENT))
                    .wrap(unreachable);
            Throwable error = catchThrowable(() -> client.messages().create(params()));

            assertThat(error).isInstanceOf(AnthropicIoException.class);
            SpanData span = onlySpan();
            assertThat(attr(span, ERROR_TYPE)).isEqualTo("java.net.ConnectException");
            assertThat(attr(span, SERVER_PORT)).isEqualTo((long) port);
        } finally {
            unreachable.close();
        }
    }

    @Test
    void detailsEventCarriesTheContentWhenEventsAreOn() {
        stubJson(200, Payloads.TEXT_MESSAGE);
        client(ContentCapture.EVENT_ONLY).messages().create(params());

        assertThat(attr(onlySpan(), GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(events()).hasSize(1);
        assertThat(events().get(0).getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
        assertThat(events().get(0).getAttributes().asMap().keySet().stream().map(key -> key.getKey()))
                .contains("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.response.id");
    }
}
