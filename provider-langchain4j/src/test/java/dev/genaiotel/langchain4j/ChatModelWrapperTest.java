package dev.genaiotel.langchain4j;

import static dev.genaiotel.langchain4j.Telemetry.attribute;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModelWrapperTest {

    private final OpenAiStub openAi = new OpenAiStub();
    private final Telemetry telemetry = new Telemetry();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private ChatModel model(List<ChatModelListener> listeners) {
        return OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .listeners(listeners)
                .build();
    }

    @Test
    void inferenceSpanIsCurrentWhileTheWrappedModelRuns() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        AtomicReference<SpanContext> currentDuringCall = new AtomicReference<>();
        ChatModelListener probe = new ChatModelListener() {
            @Override
            public void onRequest(ChatModelRequestContext context) {
                currentDuringCall.set(Span.current().getSpanContext());
            }
        };
        ChatModel model = telemetry.langChain4j().wrap(model(List.of(probe)));

        String answer = model.chat("What is the capital of France?");

        assertThat(answer).isEqualTo("The capital of France is Paris.");
        SpanData span = telemetry.awaitSpan();
        assertThat(currentDuringCall.get()).isEqualTo(span.getSpanContext());
        assertThat(attribute(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attribute(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        assertThat(attribute(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(19L);
        assertThat(attribute(span, GEN_AI_REQUEST_STREAM)).isNull();
    }

    @Test
    void wrapperOverTheListenerRecordsOneSpanPerCall() {
        openAi.chat(200, OpenAiStub.CHAT_COMPLETION);
        LangChain4jTelemetry langChain4j = telemetry.langChain4j();
        ChatModel model = langChain4j.wrap(model(List.of(langChain4j.chatModelListener())));

        model.chat("What is the capital of France?");

        Telemetry.sleep(100);
        assertThat(telemetry.awaitSpans(1).get(0).getName()).isEqualTo("chat gpt-4o-mini");
    }

    @Test
    void wrappedModelThrowsTheWrappedModelsOwnExceptionAndRecordsTheStatus() {
        openAi.chat(429, OpenAiStub.RATE_LIMITED);
        ChatModel model = telemetry.langChain4j().wrap(model(List.of()));

        assertThatThrownBy(() -> model.chat("Hello")).isInstanceOf(RateLimitException.class);

        assertThat(attribute(telemetry.awaitSpan(), ERROR_TYPE)).isEqualTo("429");
    }

    @Test
    void wrappingTwiceReturnsTheSameInstrumentedModel() {
        LangChain4jTelemetry langChain4j = telemetry.langChain4j();
        ChatModel once = langChain4j.wrap(model(List.of()));

        assertThat(langChain4j.wrap(once)).isSameAs(once);
        assertThat(once.provider()).isEqualTo(dev.langchain4j.model.ModelProvider.OPEN_AI);
    }
}
