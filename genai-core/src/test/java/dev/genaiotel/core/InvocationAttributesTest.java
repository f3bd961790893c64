package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_DESCRIPTION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_AGENT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_DATA_SOURCE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_VERSION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_CHOICE_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_ENCODING_FORMATS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_SEED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_CALL_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_WORKFLOW_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.GenAiSchema;
import dev.genaiotel.semconv.message.RetrievalDocument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationAttributesTest {

    private final TelemetryFixture fixture = TelemetryFixture.legacyNames();
    private final GenAiTelemetry telemetry = fixture.telemetry();

    static InferenceRequest fullChatRequest() {
        return InferenceRequest.chat("openai", "gpt-4o")
                .server("api.openai.com", 443L)
                .temperature(0.2)
                .topP(0.9)
                .topK(40L)
                .maxTokens(100L)
                .stopSequences(List.of("forest", "lived"))
                .seed(7L)
                .choiceCount(2L)
                .frequencyPenalty(0.1)
                .presencePenalty(0.3)
                .outputType("json")
                .reasoningLevel("low")
                .previousResponseId("resp_prev")
                .conversationId("conv_1")
                .prompt("analyze-code", "v2")
                .attributes(Attributes.of(OPENAI_API_TYPE, "chat_completions"))
                .build();
    }

    @Test
    void chatSpanCarriesEveryRequestAndResponseAttributeAndNothingElse() {
        Inference inference = telemetry.startInference(fullChatRequest());
        inference.end(InferenceResponse.builder()
                .responseId("chatcmpl-1")
                .responseModel("gpt-4o-2024-08-06")
                .finishReasons(List.of("stop", "tool_calls"))
                .usage(new TokenUsage(120L, 40L, 20L, 5L, 10L))
                .attributes(Attributes.of(OPENAI_RESPONSE_SYSTEM_FINGERPRINT, "fp_1"))
                .build());

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo(GenAiSchema.INSTRUMENTATION_SCOPE);
        assertThat(span.getInstrumentationScopeInfo().getSchemaUrl()).isEqualTo(GenAiSchema.SCHEMA_URL);
        assertThat(span.getInstrumentationScopeInfo().getVersion()).isNotBlank();
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(SERVER_ADDRESS, "api.openai.com")
                .put(SERVER_PORT, 443L)
                .put(GEN_AI_REQUEST_TEMPERATURE, 0.2)
                .put(GEN_AI_REQUEST_TOP_P, 0.9)
                .put(GEN_AI_REQUEST_TOP_K, 40L)
                .put(GEN_AI_REQUEST_MAX_TOKENS, 100L)
                .put(GEN_AI_REQUEST_STOP_SEQUENCES, List.of("forest", "lived"))
                .put(GEN_AI_REQUEST_SEED, 7L)
                .put(GEN_AI_REQUEST_CHOICE_COUNT, 2L)
                .put(GEN_AI_REQUEST_FREQUENCY_PENALTY, 0.1)
                .put(GEN_AI_REQUEST_PRESENCE_PENALTY, 0.3)
                .put(GEN_AI_OUTPUT_TYPE, "json")
                .put(GEN_AI_REQUEST_REASONING_LEVEL, "low")
                .put(GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID, "resp_prev")
                .put(GEN_AI_CONVERSATION_ID, "conv_1")
                .put(GEN_AI_PROMPT_NAME, "analyze-code")
                .put(GEN_AI_PROMPT_VERSION, "v2")
                .put(OPENAI_API_TYPE, "chat_completions")
                .put(GEN_AI_RESPONSE_ID, "chatcmpl-1")
                .put(GEN_AI_RESPONSE_MODEL, "gpt-4o-2024-08-06")
                .put(GEN_AI_RESPONSE_FINISH_REASONS, List.of("stop", "tool_call"))
                .put(GEN_AI_USAGE_INPUT_TOKENS, 120L)
                .put(GEN_AI_USAGE_OUTPUT_TOKENS, 40L)
                .put(GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, 20L)
                .put(GEN_AI_USAGE_CACHE_WRITE_INPUT_TOKENS, 5L)
                .put(GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, 10L)
                .put(OPENAI_RESPONSE_SYSTEM_FINGERPRINT, "fp_1")
                .build().asMap());
    }

    @Test
    void conditionalAttributesAreLeftOutWhenTheirConditionDoesNotHold() {
        telemetry.startInference(InferenceRequest.builder("text_completion", "ollama")
                .choiceCount(1L)
                .stream(false)
                .prompt(null, "v1")
                .build()).end(InferenceResponse.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("text_completion");
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "text_completion")
                .put(GEN_AI_PROVIDER_NAME, "ollama")
                .build().asMap());
    }

    @Test
    void serverPortIsRecordedOnlyWithAnAddress() {
        telemetry.startInference(InferenceRequest.chat("openai", "m").server(null, 443L).build()).end();

        assertThat(fixture.onlySpan().getAttributes().get(SERVER_PORT)).isNull();
    }

    @Test
    void failedInferenceHasErrorStatusErrorTypeAndTheRecordedException() {
        Inference inference = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        inference.fail(new IOException("connection reset"));

        SpanData span = fixture.onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "chat")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(ERROR_TYPE, "java.io.IOException")
                .build().asMap());
        assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    }

    @Test
    void providerErrorCodeWinsOverTheExceptionClassAsErrorType() {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                .fail(new IllegalStateException("rate limited"), "429");

        assertThat(fixture.onlySpan().getAttributes().get(ERROR_TYPE)).isEqualTo("429");
    }

    @Test
    void failureWithoutExceptionOrCodeIsTypedOther() {
        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).fail(null);

        assertThat(fixture.onlySpan().getAttributes().get(ERROR_TYPE)).isEqualTo("_OTHER");
    }

    @Test
    void embeddingsSpanCarriesItsAttributeSet() {
        telemetry.startEmbeddings(new EmbeddingsRequest("openai", "text-embedding-3-small", 512L,
                        List.of("float"), "api.openai.com", 443L, null))
                .end(EmbeddingsResponse.of("text-embedding-3-small-001", 12L));

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("embeddings text-embedding-3-small");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "embeddings")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_REQUEST_MODEL, "text-embedding-3-small")
                .put(GEN_AI_EMBEDDINGS_DIMENSION_COUNT, 512L)
                .put(GEN_AI_REQUEST_ENCODING_FORMATS, List.of("float"))
                .put(SERVER_ADDRESS, "api.openai.com")
                .put(SERVER_PORT, 443L)
                .put(GEN_AI_RESPONSE_MODEL, "text-embedding-3-small-001")
                .put(GEN_AI_USAGE_INPUT_TOKENS, 12L)
                .build().asMap());
    }

    @Test
    void toolExecutionIsAnInternalSpanNamedAfterTheTool() {
        telemetry.startToolExecution(ToolCall.function("get_weather", "call_1", Map.of("city", "Paris")))
                .end("sunny");

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("execute_tool get_weather");
        assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "execute_tool")
                .put(GEN_AI_TOOL_NAME, "get_weather")
                .put(GEN_AI_TOOL_CALL_ID, "call_1")
                .put(GEN_AI_TOOL_TYPE, "function")
                .build().asMap());
    }

    @Test
    void inProcessAgentIsAnInternalSpanWithoutProviderOrServer() {
        AgentRequest request = new AgentRequest(false, "openai", "Math Tutor", "asst_1", "Helps with math", "1.0",
                "gpt-4o", "conv_9", null, "api.openai.com", 443L, null, null, null, null,
                InferenceRequest.chat("ignored", "ignored").temperature(0.5).maxTokens(200L).choiceCount(1L)
                        .previousResponseId("client-only").build());
        telemetry.startAgentInvocation(request).end(InferenceResponse.builder()
                .finishReasons(List.of("stop"))
                .usage(TokenUsage.of(10, 5))
                .responseId("not-on-agent-spans")
                .build());

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_agent Math Tutor");
        assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "invoke_agent")
                .put(GEN_AI_AGENT_NAME, "Math Tutor")
                .put(GEN_AI_AGENT_DESCRIPTION, "Helps with math")
                .put(GEN_AI_REQUEST_MODEL, "gpt-4o")
                .put(GEN_AI_CONVERSATION_ID, "conv_9")
                .put(GEN_AI_REQUEST_TEMPERATURE, 0.5)
                .put(GEN_AI_REQUEST_MAX_TOKENS, 200L)
                .put(GEN_AI_RESPONSE_FINISH_REASONS, List.of("stop"))
                .put(GEN_AI_USAGE_INPUT_TOKENS, 10L)
                .put(GEN_AI_USAGE_OUTPUT_TOKENS, 5L)
                .build().asMap());
    }

    @Test
    void remoteAgentIsAClientSpanWithProviderIdAndServer() {
        telemetry.startAgentInvocation(AgentRequest.remote("aws.bedrock", null, "agent-42")
                        .withDetails(null, "session-1", "bedrock-agent-runtime.us-east-1.amazonaws.com", 443L))
                .end(InferenceResponse.empty());

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_agent");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "invoke_agent")
                .put(GEN_AI_PROVIDER_NAME, "aws.bedrock")
                .put(GEN_AI_AGENT_ID, "agent-42")
                .put(SERVER_ADDRESS, "bedrock-agent-runtime.us-east-1.amazonaws.com")
                .put(SERVER_PORT, 443L)
                .put(GEN_AI_CONVERSATION_ID, "session-1")
                .build().asMap());
    }

    @Test
    void agentCreationRecordsTheAssignedAgentId() {
        telemetry.startAgentCreation(AgentRequest.remote("openai", "Math Tutor", null)).end("asst_5j66");

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("create_agent Math Tutor");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "create_agent")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_AGENT_NAME, "Math Tutor")
                .put(GEN_AI_AGENT_ID, "asst_5j66")
                .build().asMap());
    }

    @Test
    void workflowIsAnInternalSpanNamedAfterTheWorkflow() {
        telemetry.startWorkflow(WorkflowRequest.named("multi_agent_rag")).end(List.of());

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_workflow multi_agent_rag");
        assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "invoke_workflow")
                .put(GEN_AI_WORKFLOW_NAME, "multi_agent_rag")
                .build().asMap());
    }

    @Test
    void retrievalIsAClientSpanNamedAfterTheDataSource() {
        telemetry.startRetrieval(RetrievalRequest.of("openai", "vs_H7STPQ", 5L, "capital of France?"))
                .end(List.of(new RetrievalDocument("doc_1", 0.9)));

        SpanData span = fixture.onlySpan();
        assertThat(span.getName()).isEqualTo("retrieval vs_H7STPQ");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, "retrieval")
                .put(GEN_AI_PROVIDER_NAME, "openai")
                .put(GEN_AI_DATA_SOURCE_ID, "vs_H7STPQ")
                .put(GEN_AI_RETRIEVAL_TOP_K, 5L)
                .build().asMap());
    }
}
