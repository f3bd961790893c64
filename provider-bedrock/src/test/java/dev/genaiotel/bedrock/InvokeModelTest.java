package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * InvokeModel and InvokeModelWithResponseStream through the real clients: bodies read by the model family of the
 * model id, embeddings as their own operation, token counts from Bedrock's headers when the body has none, and a
 * correct span for bodies nobody can read.
 */
class InvokeModelTest extends BedrockFixture {

    static final String CLAUDE = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String CLAUDE_REQUEST = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"temperature":0.3,
             "system":"Answer briefly.",
             "messages":[{"role":"user","content":[{"type":"text","text":"Hi there"}]}]}""";

    static final String CLAUDE_RESPONSE = """
            {"id":"msg_bdrk_01XyZ","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
             "content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":12,"output_tokens":3}}""";

    static InvokeModelRequest invoke(String modelId, String body) {
        return InvokeModelRequest.builder().modelId(modelId).contentType("application/json")
                .accept("application/json").body(SdkBytes.fromUtf8String(body)).build();
    }

    @Test
    void claudeMessagesBodyIsReadThroughItsFamily() throws Exception {
        stubJson("invoke", 200, CLAUDE_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor());

        InvokeModelResponse response = client.invokeModel(invoke(CLAUDE, CLAUDE_REQUEST));

        assertThat(response.body().asUtf8String()).isEqualTo(CLAUDE_RESPONSE);
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat " + CLAUDE);
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("aws.bedrock");
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(200L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.3);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_ID)).isEqualTo("msg_bdrk_01XyZ");
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
        assertThat(attr(span, GenAiAttributes.SERVER_PORT)).isEqualTo((long) server.port());
        JsonNode input = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES));
        assertThat(input.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Hi there");
        JsonNode output = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(output.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Hello!");
    }

    @Test
    void contentIsNotRecordedWhenCaptureIsOff() {
        stubJson("invoke", 200, CLAUDE_RESPONSE);
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.invokeModel(invoke(CLAUDE, CLAUDE_REQUEST));

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(200L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(3L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS)).isNull();
    }

    @Test
    void tokenCountsFallBackToBedrockResponseHeaders() {
        stubJson("invoke", 200, """
                {"outputs":[{"text":" Paris.","stop_reason":"stop"}]}""",
                Map.of("X-Amzn-Bedrock-Input-Token-Count", "17", "X-Amzn-Bedrock-Output-Token-Count", "4"));
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.invokeModel(invoke("mistral.mistral-7b-instruct-v0:2",
                "{\"prompt\":\"<s>[INST] Capital of France? [/INST]\",\"max_tokens\":50}"));

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(17L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(4L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(50L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void bodyUsageTakesPrecedenceOverTheHeaders() {
        stubJson("invoke", 200, CLAUDE_RESPONSE,
                Map.of("X-Amzn-Bedrock-Input-Token-Count", "999", "X-Amzn-Bedrock-Output-Token-Count", "999"));
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        client.invokeModel(invoke(CLAUDE, CLAUDE_REQUEST));

        assertThat(attr(onlySpan(), GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    }

    @Test
    void nonJsonBodiesDegradeToASpanWithoutContent() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/model/.+/invoke"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("X-Amzn-Bedrock-Input-Token-Count", "8")
                        .withHeader("X-Amzn-Bedrock-Output-Token-Count", "2")
                        .withBody("plain words, not JSON {")));
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor());

        InvokeModelResponse response = client.invokeModel(invoke(CLAUDE, "this is not json either"));

        assertThat(response.body().asUtf8String()).isEqualTo("plain words, not JSON {");
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat " + CLAUDE);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(8L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void unknownModelFamilyGetsACorrectSpanWithoutContent() {
        stubJson("invoke", 200, "{\"answer\":\"42\"}",
                Map.of("X-Amzn-Bedrock-Input-Token-Count", "6", "X-Amzn-Bedrock-Output-Token-Count", "1"));
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor());
        String model = "arn:aws:bedrock:us-east-1:123456789012:imported-model/abcd1234efgh";

        client.invokeModel(invoke(model, "{\"question\":\"meaning of life\"}"));

        SpanData span = onlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo(model);
        assertThat(attr(span, GenAiAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("aws.bedrock");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(1L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void titanEmbeddingsAreAnEmbeddingsSpan() {
        stubJson("invoke", 200, "{\"embedding\":[0.0123,-0.0456,0.0789],\"inputTextTokenCount\":5}");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());
        String model = "amazon.titan-embed-text-v2:0";

        client.invokeModel(invoke(model, "{\"inputText\":\"hello embeddings\",\"dimensions\":256}"));

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("embeddings " + model);
        assertThat(attr(span, GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("embeddings");
        assertThat(attr(span, GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT)).isEqualTo(256L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
        assertThat(attr(span, GenAiAttributes.SERVER_ADDRESS)).isEqualTo(endpoint().getHost());
    }

    @Test
    void throttlingIsRecordedWithTheAwsErrorCode() {
        stubError("invoke", 429, "ThrottlingException", "Too many requests");
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        assertThatThrownBy(() -> client.invokeModel(invoke(CLAUDE, CLAUDE_REQUEST)))
                .isInstanceOf(ThrottlingException.class);

        assertThat(attr(onlySpan(), GenAiAttributes.ERROR_TYPE)).isEqualTo("ThrottlingException");
    }

    @Test
    void asyncInvokeModelThroughTheWrapperAndInterceptorRecordsOneSpan() {
        stubJson("invoke", 200, CLAUDE_RESPONSE);
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient client = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        InvokeModelResponse response = client.invokeModel(invoke(CLAUDE, CLAUDE_REQUEST)).join();

        assertThat(response.body().asUtf8String()).isEqualTo(CLAUDE_RESPONSE);
        SpanData span = awaitOnlySpan();
        sleep(100);
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    }

    @Test
    void claudeResponseStreamIsReadChunkByChunk() throws Exception {
        stubEventStream("invoke-with-response-stream", EventStreams.builder()
                .chunk("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_stream1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\",\"content\":[],"
                        + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}")
                .chunk("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
                        + "\"text\":\"\"}}")
                .chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"Hello\"}}")
                .chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\" there\"}}")
                .chunk("{\"type\":\"content_block_stop\",\"index\":0}")
                .chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                        + "\"usage\":{\"output_tokens\":6}}")
                .chunk("{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":12,"
                        + "\"outputTokenCount\":6,\"invocationLatency\":640,\"firstByteLatency\":210}}")
                .build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> error = new AtomicReference<>();

        client.invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest.builder().modelId(CLAUDE)
                        .contentType("application/json").body(SdkBytes.fromUtf8String(CLAUDE_REQUEST)).build(),
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                                .onChunk((PayloadPart part) -> received.add(part.bytes().asUtf8String())).build())
                        .onError(error::set)
                        .build())
                .get(10, TimeUnit.SECONDS);

        assertThat(received).hasSize(7);
        assertThat(error.get()).isNull();
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNotNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(6L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
        JsonNode output = JSON.readTree(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES));
        assertThat(output.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Hello there");
    }

    @Test
    void interceptorAloneRecordsAResponseStreamSpanWithoutContent() throws Exception {
        stubEventStream("invoke-with-response-stream", EventStreams.builder()
                .chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"Hi\"}}")
                .chunk("{\"type\":\"message_stop\"}")
                .build());
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.SPAN_ONLY).newExecutionInterceptor());
        List<String> received = new CopyOnWriteArrayList<>();

        client.invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest.builder().modelId(CLAUDE)
                        .contentType("application/json").body(SdkBytes.fromUtf8String(CLAUDE_REQUEST)).build(),
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                                .onChunk((PayloadPart part) -> received.add(part.bytes().asUtf8String())).build())
                        .build())
                .get(10, TimeUnit.SECONDS);

        assertThat(received).hasSize(2);
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat " + CLAUDE);
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_STREAM)).isTrue();
        assertThat(attr(span, GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(200L);
        assertThat(attr(span, GenAiAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(attr(span, GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK)).isNull();
    }

    @Test
    void responseStreamWithNonJsonChunksReachesTheApplicationUntouched() {
        stubEventStream("invoke-with-response-stream", EventStreams.builder()
                .chunk("not json")
                .chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"ok\"}}")
                .chunk("]]]")
                .build());
        BedrockRuntimeAsyncClient client = bedrock(ContentCapture.SPAN_ONLY).wrap(asyncClient());
        List<String> received = new CopyOnWriteArrayList<>();

        Throwable failure = catchThrowable(() -> client.invokeModelWithResponseStream(
                InvokeModelWithResponseStreamRequest.builder().modelId(CLAUDE).contentType("application/json")
                        .body(SdkBytes.fromUtf8String(CLAUDE_REQUEST)).build(),
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                                .onChunk((PayloadPart part) -> received.add(part.bytes().asUtf8String())).build())
                        .build())
                .get(10, TimeUnit.SECONDS));

        assertThat(failure).isNull();
        assertThat(received).containsExactly("not json",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}",
                "]]]");
        SpanData span = awaitOnlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
}
