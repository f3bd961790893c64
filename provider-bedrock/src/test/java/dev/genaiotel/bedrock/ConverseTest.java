package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.model.VideoFormat;

/** Converse through the real sync and async clients, instrumented by the interceptor, the wrapper, or both. */
class ConverseTest extends BedrockFixture {

    static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String TEXT_RESPONSE = """
            {"output":{"message":{"role":"assistant","content":[{"text":"Paris is the capital of France."}]}},
             "stopReason":"end_turn",
             "usage":{"inputTokens":21,"outputTokens":9,"totalTokens":30},
             "metrics":{"latencyMs":412}}""";

    static ConverseRequest simpleRequest() {
        return ConverseRequest.builder()
                .modelId(MODEL)
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("What is the capital of France?")).build())
                .inferenceConfig(c -> c.maxTokens(256).temperature(0.5f).topP(0.9f).stopSequences("\n\nHuman:"))
                .additionalModelRequestFields(Document.mapBuilder().putNumber("top_k", 40).build())
                .build();
    }

    @Test
    void syncConverseRecordsChatSpanWithoutContentByDefault() {
        stubJson("converse", 200, TEXT_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        ConverseResponse response = client.converse(simpleRequest());

        assertThat(response.output().message().content().get(0).text()).isEqualTo("Paris is the capital of France.");
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(span, GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("aws.bedrock");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo(MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(256L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.5);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TOP_P)).as("0.9f recorded as written").isEqualTo(0.9);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TOP_K)).isEqualTo(40L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES)).containsExactly("\n\nHuman:");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(21L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(9L);
        assertThat(attr(span, GenAiAttributes.SERVER_ADDRESS)).isEqualTo(endpoint().getHost());
        assertThat(attr(span, GenAiAttributes.SERVER_PORT)).isEqualTo((long) server.port());
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(tokenUsage()).containsEntry("input", 21.0).containsEntry("output", 9.0);
    }

    @Test
    void everyContentBlockTypeBecomesAMessagePart() throws Exception {
        stubJson("converse", 200, """
                {"output":{"message":{"role":"assistant","content":[
                   {"reasoningContent":{"reasoningText":{"text":"The user wants a summary.","signature":"sig"}}},
                   {"text":"Here is the summary."}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":1500,"outputTokens":40,"totalTokens":1540}}""");
        BedrockTelemetry telemetry = BedrockTelemetry.builder(genAi(ContentCapture.SPAN_ONLY,
                builder -> builder.setBlobMaxBytes(1024))).build();
        BedrockRuntimeClient client = syncClient(telemetry.newExecutionInterceptor());
        Message user = Message.builder().role(ConversationRole.USER).content(
                ContentBlock.fromText("Summarise these."),
                ContentBlock.fromImage(i -> i.format(ImageFormat.PNG)
                        .source(s -> s.bytes(SdkBytes.fromByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G'})))),
                ContentBlock.fromDocument(d -> d.format(DocumentFormat.PDF).name("report")
                        .source(s -> s.bytes(SdkBytes.fromUtf8String("%PDF-1.7")))),
                ContentBlock.fromVideo(v -> v.format(VideoFormat.MP4)
                        .source(s -> s.s3Location(l -> l.uri("s3://media-bucket/clip.mp4")))),
                ContentBlock.fromCachePoint(c -> c.type("default"))).build();
        Message assistant = Message.builder().role(ConversationRole.ASSISTANT).content(
                ContentBlock.fromReasoningContent(r -> r.reasoningText(t -> t.text("Need the weather.")
                        .signature("abc"))),
                ContentBlock.fromToolUse(t -> t.toolUseId("tooluse_1").name("get_weather")
                        .input(Document.mapBuilder().putString("city", "Paris").build()))).build();
        Message toolAnswer = Message.builder().role(ConversationRole.USER).content(
                ContentBlock.fromToolResult(r -> r.toolUseId("tooluse_1").content(ToolResultContentBlock.fromJson(
                        Document.mapBuilder().putNumber("celsius", 21).build())))).build();

        client.converse(ConverseRequest.builder().modelId(MODEL).messages(user, assistant, toolAnswer).build());

        JsonNode input = JSON.readTree(attr(onlySpan(), GenAiAttributes.GEN_AI_INPUT_MESSAGES));
        assertThat(input).hasSize(3);
        JsonNode userParts = input.get(0).get("parts");
        assertThat(input.get(0).get("role").asText()).isEqualTo("user");
        assertThat(types(userParts)).containsExactly("text", "blob", "blob", "uri", "cache_point");
        assertThat(userParts.get(0).get("content").asText()).isEqualTo("Summarise these.");
        assertThat(userParts.get(1).get("mime_type").asText()).isEqualTo("image/png");
        assertThat(userParts.get(1).get("modality").asText()).isEqualTo("image");
        assertThat(userParts.get(1).get("content").asText()).isEqualTo("iVBORw==");
        assertThat(userParts.get(2).get("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(userParts.get(2).get("modality").asText()).isEqualTo("document");
        assertThat(userParts.get(3).get("uri").asText()).isEqualTo("s3://media-bucket/clip.mp4");
        assertThat(userParts.get(3).get("mime_type").asText()).isEqualTo("video/mp4");
        assertThat(userParts.get(3).get("modality").asText()).isEqualTo("video");
        JsonNode assistantParts = input.get(1).get("parts");
        assertThat(input.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(types(assistantParts)).containsExactly("reasoning", "tool_call");
        assertThat(assistantParts.get(0).get("content").asText()).isEqualTo("Need the weather.");
        assertThat(assistantParts.get(1).get("id").asText()).isEqualTo("tooluse_1");
        assertThat(assistantParts.get(1).get("name").asText()).isEqualTo("get_weather");
        assertThat(assistantParts.get(1).get("arguments").get("city").asText()).isEqualTo("Paris");
        JsonNode toolParts = input.get(2).get("parts");
        assertThat(types(toolParts)).containsExactly("tool_call_response");
        assertThat(toolParts.get(0).get("id").asText()).isEqualTo("tooluse_1");
        assertThat(toolParts.get(0).get("response").get("celsius").asInt()).isEqualTo(21);
        JsonNode output = JSON.readTree(attr(onlySpan(), GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(types(output.get(0).get("parts"))).containsExactly("reasoning", "text");
        assertThat(output.get(0).get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void systemPromptAndToolDefinitionsAreRecorded() throws Exception {
        stubJson("converse", 200, """
                {"output":{"message":{"role":"assistant","content":[
                   {"text":"Let me check."},
                   {"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"get_weather",
                               "input":{"city":"Paris","unit":"celsius"}}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":310,"outputTokens":58,"totalTokens":368}}""");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor());

        client.converse(ConverseRequest.builder().modelId(MODEL)
                .system(SystemContentBlock.fromText("You are a weather bot."),
                        SystemContentBlock.fromCachePoint(c -> c.type("default")))
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("Weather in Paris?")).build())
                .toolConfig(t -> t.tools(Tool.fromToolSpec(s -> s.name("get_weather")
                        .description("Current weather of a city")
                        .inputSchema(i -> i.json(Document.mapBuilder().putString("type", "object")
                                .putDocument("properties", Document.mapBuilder().putDocument("city",
                                        Document.mapBuilder().putString("type", "string").build()).build())
                                .build())))))
                .build());

        SpanData span = onlySpan();
        JsonNode system = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS));
        assertThat(system).hasSize(1);
        assertThat(system.get(0).get("type").asText()).isEqualTo("text");
        assertThat(system.get(0).get("content").asText()).isEqualTo("You are a weather bot.");
        JsonNode tools = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_TOOL_DEFINITIONS));
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).get("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).get("name").asText()).isEqualTo("get_weather");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        JsonNode output = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(output.get(0).get("finish_reason").asText()).isEqualTo("tool_call");
        JsonNode toolCall = output.get(0).get("parts").get(1);
        assertThat(toolCall.get("type").asText()).isEqualTo("tool_call");
        assertThat(toolCall.get("id").asText()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(toolCall.get("arguments").get("unit").asText()).isEqualTo("celsius");
    }

    @Test
    void guardrailIdIsRecorded() {
        stubJson("converse", 200, """
                {"output":{"message":{"role":"assistant","content":[{"text":"Sorry, I can't help with that."}]}},
                 "stopReason":"guardrail_intervened","usage":{"inputTokens":14,"outputTokens":0,"totalTokens":14}}""");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.converse(simpleRequest().toBuilder()
                .guardrailConfig(g -> g.guardrailIdentifier("sgi5gkybzqak").guardrailVersion("1")).build());

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.AWS_BEDROCK_GUARDRAIL_ID)).isEqualTo("sgi5gkybzqak");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("content_filter");
    }

    @ParameterizedTest
    @CsvSource({"end_turn,stop", "stop_sequence,stop", "tool_use,tool_call", "max_tokens,length",
        "guardrail_intervened,content_filter", "content_filtered,content_filter"})
    void stopReasonsAreNormalised(String stopReason, String finishReason) {
        stubJson("converse", 200, """
                {"output":{"message":{"role":"assistant","content":[{"text":"..."}]}},
                 "stopReason":"%s","usage":{"inputTokens":3,"outputTokens":1,"totalTokens":4}}"""
                .formatted(stopReason));
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.converse(simpleRequest());

        assertThat(attr(onlySpan(), GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly(finishReason);
    }

    @Test
    void cacheReadsAndWritesAreCountedIntoInputTokens() {
        stubJson("converse", 200, """
                {"output":{"message":{"role":"assistant","content":[{"text":"Cached answer."}]}},
                 "stopReason":"end_turn",
                 "usage":{"inputTokens":12,"outputTokens":6,"totalTokens":3018,
                          "cacheReadInputTokens":2000,"cacheWriteInputTokens":1000}}""");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.converse(simpleRequest());

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(3012L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(2000L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS)).isEqualTo(1000L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(6L);
    }

    @Test
    void throttlingSetsTheAwsErrorCodeAndRethrowsUnchanged() {
        stubError("converse", 429, "ThrottlingException", "Too many requests, please wait before trying again.");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        assertThatThrownBy(() -> client.converse(simpleRequest()))
                .isInstanceOf(ThrottlingException.class)
                .hasMessageContaining("Too many requests");

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isEqualTo("ThrottlingException");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void validationErrorSetsTheAwsErrorCode() {
        stubError("converse", 400, "ValidationException", "The provided model identifier is invalid.");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        assertThatThrownBy(() -> client.converse(simpleRequest())).isInstanceOf(ValidationException.class);

        assertThat(attr(onlySpan(), GenAiAttributes.ERROR_TYPE)).isEqualTo("ValidationException");
    }

    @Test
    void credentialsAndSignaturesAreNeverRecorded() {
        stubJson("converse", 200, TEXT_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_AND_EVENT).newExecutionInterceptor());

        client.converse(simpleRequest());

        String authorization = server.getAllServeEvents().get(0).getRequest().getHeader("Authorization");
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY);
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        String recorded = allAttributeText(onlySpan());
        assertThat(recorded).doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY).doesNotContain(signature)
                .doesNotContain("AWS4-HMAC-SHA256").doesNotContainIgnoringCase("authorization");
        logs.getFinishedLogRecordItems().forEach(log -> assertThat(log.getAttributes().toString())
                .doesNotContain(ACCESS_KEY).doesNotContain(signature));
    }

    @Test
    void asyncConverseThroughTheInterceptor() {
        stubJson("converse", 200, TEXT_RESPONSE);
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        ConverseResponse response = client.converse(simpleRequest()).join();

        assertThat(response.stopReasonAsString()).isEqualTo("end_turn");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat " + MODEL);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(9L);
    }

    @Test
    void asyncConverseThroughTheWrapper() throws Exception {
        stubJson("converse", 200, TEXT_RESPONSE);
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());

        ConverseResponse response = client.converse(simpleRequest()).join();

        assertThat(response.output().message().content().get(0).text()).isEqualTo("Paris is the capital of France.");
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TOP_K)).isEqualTo(40L);
        assertThat(attr(span, GenAiAttributes.SERVER_PORT)).isEqualTo((long) server.port());
        JsonNode output = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(output.get(0).get("parts").get(0).get("content").asText())
                .isEqualTo("Paris is the capital of France.");
    }

    @Test
    void interceptorAndWrapperTogetherRecordOneSpan() {
        stubJson("converse", 200, TEXT_RESPONSE);
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient client = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        client.converse(simpleRequest()).join();

        awaitOnlySpan();
        sleep(100);
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void asyncErrorIsRecordedAndTheFutureFailsWithTheServiceException() {
        stubError("converse", 429, "ThrottlingException", "Rate exceeded");
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.NO_CONTENT).wrap(asyncClient());

        assertThatThrownBy(() -> client.converse(simpleRequest()).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ThrottlingException.class);

        assertThat(attr(awaitOnlySpan(), GenAiAttributes.ERROR_TYPE)).isEqualTo("ThrottlingException");
    }

    @Test
    void switchedOffTelemetryRecordsNothingAndChangesNothing() {
        stubJson("converse", 200, TEXT_RESPONSE);
        dev.genaiotel.core.GenAiTelemetry genAi = genAi(ContentCapture.SPAN_ONLY);
        genAi.setEnabled(false);
        BedrockTelemetry telemetry = BedrockTelemetry.builder(genAi).build();
        BedrockRuntimeClient sync = syncClient(telemetry.newExecutionInterceptor());
        BedrockRuntimeAsyncClient async = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        assertThat(sync.converse(simpleRequest()).stopReasonAsString()).isEqualTo("end_turn");
        assertThat(async.converse(simpleRequest()).join().stopReasonAsString()).isEqualTo("end_turn");

        sleep(100);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void serverAddressIsTheRegionalEndpointWithoutOverride() {
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient client = telemetry.wrap(BedrockRuntimeAsyncClient.builder()
                .region(software.amazon.awssdk.regions.Region.EU_WEST_3).credentialsProvider(credentials())
                .httpClientBuilder(software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient.builder())
                .build());
        try {
            client.converse(simpleRequest().toBuilder().overrideConfiguration(o -> o.apiCallTimeout(
                    java.time.Duration.ofMillis(1))).build());
        } catch (RuntimeException expected) {
            // no network here: the call fails, the span still names the regional endpoint
        } finally {
            client.close();
        }

        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.SERVER_ADDRESS)).isEqualTo("bedrock-runtime.eu-west-3.amazonaws.com");
        assertThat(attr(span, GenAiAttributes.SERVER_PORT)).isEqualTo(443L);
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isNotBlank();
    }

    @Test
    void wrappingTwiceReturnsTheSameClient() {
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient wrapped = telemetry.wrap(asyncClient());

        assertThat(telemetry.wrap(wrapped)).isSameAs(wrapped);
        assertThat(wrapped.serviceName()).isEqualTo("bedrock");
    }

    static List<String> types(JsonNode parts) {
        return java.util.stream.StreamSupport.stream(parts.spliterator(), false)
                .map(part -> part.get("type").asText()).toList();
    }

}
