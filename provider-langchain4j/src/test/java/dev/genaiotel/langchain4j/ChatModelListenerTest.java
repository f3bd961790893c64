package dev.genaiotel.langchain4j;

import static dev.genaiotel.langchain4j.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.Inference;
import dev.genaiotel.langchain4j.internal.TelemetryChatModelListener;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModelListenerTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private ChatModel model(ChatModelListener listener) {
        return OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("gpt-4o-mini")
                .temperature(0.2)
                .maxRetries(0)
                .listeners(List.of(listener))
                .build();
    }

    @Test
    void syncChatRecordsOneClientSpanWithExactRequestAndResponseAttributes() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = model(telemetry.langChain4j().chatModelListener());

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("What is the capital of France?"))
                .topP(0.9)
                .maxOutputTokens(64)
                .stopSequences(List.of("END"))
                .frequencyPenalty(0.5)
                .presencePenalty(0.25)
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("The capital of France is Paris.");
        SpanData span = telemetry.awaitSpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "openai")
                .put("gen_ai.request.model", "gpt-4o-mini")
                .put("gen_ai.request.temperature", 0.2)
                .put("gen_ai.request.top_p", 0.9)
                .put("gen_ai.request.max_tokens", 64L)
                .put(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), List.of("END"))
                .put("gen_ai.request.frequency_penalty", 0.5)
                .put("gen_ai.request.presence_penalty", 0.25)
                .put("gen_ai.response.id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .put("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                .put(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                .put("gen_ai.usage.input_tokens", 19L)
                .put("gen_ai.usage.output_tokens", 10L)
                .put("gen_ai.usage.cache_read.input_tokens", 4L)
                .put("gen_ai.usage.reasoning.output_tokens", 2L)
                .put("openai.response.service_tier", "default")
                .put("openai.response.system_fingerprint", "fp_06737a9306")
                .build().asMap());
    }

    @Test
    void contentIsAbsentByDefault() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = model(telemetry.langChain4j().chatModelListener());

        model.chat(SystemMessage.from("You are terse."), UserMessage.from("What is the capital of France?"));

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
        assertThat(span.getAttributes().asMap().keySet())
                .noneMatch(key -> key.getKey().contains("messages") || key.getKey().contains("instructions"));
    }

    @Test
    void spanOnlyCaptureRecordsAllMessagesInOrderWithSystemMessagesAmongThem() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModel model = model(telemetry.langChain4j(ContentCapture.SPAN_ONLY).chatModelListener());

        model.chat(ChatRequest.builder()
                .messages(
                        SystemMessage.from("You are terse."),
                        UserMessage.from(TextContent.from("Weather here?"),
                                ImageContent.from("https://example.com/paris.png")),
                        AiMessage.from(ToolExecutionRequest.builder().id("call_1").name("weather")
                                .arguments("{\"city\":\"Paris\"}").build()),
                        ToolExecutionResultMessage.from("call_1", "weather", "rainy"))
                .toolSpecifications(ToolSpecification.builder().name("weather").description("Weather for a city")
                        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
                        .build())
                .build());

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, GEN_AI_INPUT_MESSAGES)).isEqualTo("["
                + "{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"You are terse.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather here?\"},"
                + "{\"type\":\"uri\",\"modality\":\"image\",\"uri\":\"https://example.com/paris.png\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
                + "\"response\":\"rainy\"}]}]");
        assertThat(attribute(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\",\"parts\":"
                + "[{\"type\":\"text\",\"content\":\"The capital of France is Paris.\"}],\"finish_reason\":\"stop\"}]");
        assertThat(attribute(span, GEN_AI_TOOL_DEFINITIONS)).isEqualTo("[{\"type\":\"function\",\"name\":\"weather\"}]");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system_instructions"))).isNull();
    }

    @Test
    void rateLimitedCallEndsSpanWithHttpStatusAsErrorType() {
        openAi.chat(429, OpenAiStub.RATE_LIMITED);
        ChatModel model = model(telemetry.langChain4j().chatModelListener());

        assertThatThrownBy(() -> model.chat("Hello")).isInstanceOf(RuntimeException.class);

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("429");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void serverErrorEndsSpanWithHttpStatusAsErrorType() {
        openAi.chat(500, OpenAiStub.SERVER_ERROR);
        ChatModel model = model(telemetry.langChain4j().chatModelListener());

        assertThatThrownBy(() -> model.chat("Hello")).isInstanceOf(RuntimeException.class);

        SpanData span = telemetry.awaitSpan();
        assertThat(attribute(span, ERROR_TYPE)).isEqualTo("500");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void listenerFailuresAreSwallowedAndLaterCallsStillRecorded() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        ChatModelListener listener = telemetry.langChain4j().chatModelListener();
        ChatModel model = model(listener);

        listener.onRequest(null);
        listener.onResponse(null);
        listener.onError(null);

        assertThat(model.chat("Hello")).isEqualTo("The capital of France is Paris.");
        assertThat(telemetry.awaitSpan().getName()).isEqualTo("chat gpt-4o-mini");
    }

    @Test
    void theCallsInferenceIsFoundInItsListenerAttributesUntilTheListenerEndsIt() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        List<Inference> seen = new ArrayList<>();
        ChatModelListener probe = new ChatModelListener() {
            @Override
            public void onRequest(ChatModelRequestContext context) {
                seen.add(TelemetryChatModelListener.inFlight(context.attributes()));
            }

            @Override
            public void onResponse(ChatModelResponseContext context) {
                seen.add(TelemetryChatModelListener.inFlight(context.attributes()));
            }
        };
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
                .modelName("gpt-4o-mini").maxRetries(0)
                .listeners(List.of(telemetry.langChain4j().chatModelListener(), probe)).build();

        model.chat("What is the capital of France?");

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isNotNull();
        assertThat(seen.get(1)).isNull();
        assertThat(telemetry.awaitSpan().getName()).isEqualTo("chat gpt-4o-mini");
    }
}
