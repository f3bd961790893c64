package dev.genaiotel.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_CHOICE_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_FREQUENCY_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MAX_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PRESENCE_PENALTY;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_SEED;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STOP_SEQUENCES;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TEMPERATURE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_P;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_REQUEST_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_ADDRESS;
import static dev.genaiotel.semconv.GenAiAttributes.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ReasoningEffort;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAudioParam;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartInputAudio;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.semconv.message.MessagePart;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatCompletionsTest extends WireMockFixture {

    @SuppressWarnings("deprecation") // seed is deprecated by OpenAI but still sent and recorded
    private static ChatCompletionCreateParams simpleParams() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage("You are a geography tutor.")
                .addUserMessage("What is the capital of France?")
                .temperature(0.2)
                .topP(0.9)
                .maxCompletionTokens(64L)
                .seed(42L)
                .frequencyPenalty(0.1)
                .presencePenalty(0.2)
                .stop(ChatCompletionCreateParams.Stop.ofStrings(List.of("\n\n", "END")))
                .reasoningEffort(ReasoningEffort.LOW)
                .serviceTier(ChatCompletionCreateParams.ServiceTier.FLEX)
                .build();
    }

    @Test
    void createRecordsEveryRequestAndResponseAttribute() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(simpleParams());

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(attr(span, GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attr(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
        assertThat(attr(span, GEN_AI_REQUEST_TOP_P)).isEqualTo(0.9);
        assertThat(attr(span, GEN_AI_REQUEST_MAX_TOKENS)).isEqualTo(64L);
        assertThat(attr(span, GEN_AI_REQUEST_SEED)).isEqualTo(42L);
        assertThat(attr(span, GEN_AI_REQUEST_FREQUENCY_PENALTY)).isEqualTo(0.1);
        assertThat(attr(span, GEN_AI_REQUEST_PRESENCE_PENALTY)).isEqualTo(0.2);
        assertThat(attr(span, GEN_AI_REQUEST_STOP_SEQUENCES)).containsExactly("\n\n", "END");
        assertThat(attr(span, GEN_AI_REQUEST_REASONING_LEVEL)).isEqualTo("low");
        assertThat(attr(span, GEN_AI_REQUEST_CHOICE_COUNT)).isNull();
        assertThat(attr(span, GEN_AI_REQUEST_STREAM)).isNull();
        assertThat(attr(span, OPENAI_API_TYPE)).isEqualTo("chat_completions");
        assertThat(attr(span, OPENAI_REQUEST_SERVICE_TIER)).isEqualTo("flex");
        assertThat(attr(span, SERVER_ADDRESS)).isEqualTo("localhost");
        assertThat(attr(span, SERVER_PORT)).isEqualTo((long) server.port());
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        assertThat(attr(span, GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1117L);
        assertThat(attr(span, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(46L);
        assertThat(attr(span, GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(1024L);
        assertThat(attr(span, GEN_AI_USAGE_REASONING_OUTPUT_TOKENS)).isEqualTo(12L);
        assertThat(attr(span, OPENAI_RESPONSE_SERVICE_TIER)).isEqualTo("default");
        assertThat(attr(span, OPENAI_RESPONSE_SYSTEM_FINGERPRINT)).isEqualTo("fp_06737a9306");
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void completionHookReceivesTheConversationWhileNoSignalRecordsIt() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);
        List<CompletionHook.Completion> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletionHook hook = completion -> {
            seen.add(completion);
            completion.systemInstructions().forEach(part -> texts.add(((MessagePart.Text) part).content()));
            completion.inputMessages().forEach(message -> texts.add(((MessagePart.Text) message.parts().get(0))
                    .content()));
            completion.outputMessages().forEach(message -> texts.add(((MessagePart.Text) message.parts().get(0))
                    .content()));
        };
        OpenAIClient client = OpenAITelemetry.builder(telemetry(ContentCapture.NO_CONTENT,
                builder -> builder.addCompletionHook(hook))).setIncludeStreamUsage(false).build().wrap(rawClient);

        client.chat().completions().create(simpleParams());

        assertThat(seen).hasSize(1);
        assertThat(texts).containsExactly("You are a geography tutor.", "What is the capital of France?",
                "Paris is the capital of France.");
        assertThat(onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(onlySpan().getAttributes().get(GEN_AI_OUTPUT_MESSAGES)).isNull();
    }

    @Test
    void createRecordsDurationAndTokenMetrics() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(simpleParams());

        HistogramPointData duration = points("gen_ai.client.inference.duration").get(0);
        assertThat(duration.getCount()).isEqualTo(1);
        assertThat(duration.getAttributes().get(GEN_AI_OPERATION_NAME)).isEqualTo("chat");
        assertThat(duration.getAttributes().get(GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
        assertThat(duration.getAttributes().get(GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(duration.getAttributes().get(GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(tokenUsage()).containsExactlyInAnyOrderEntriesOf(Map.of("input", 1117.0, "output", 46.0));
    }

    @Test
    void callerGetsTheSameCompletionAsFromTheRawClient() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        ChatCompletion instrumented = client().chat().completions().create(simpleParams());
        ChatCompletion raw = rawClient.chat().completions().create(simpleParams());

        assertThat(instrumented).isEqualTo(raw);
    }

    @Test
    void theRequestSentIsTheCallersUnchanged() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(simpleParams());

        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.2"))));
        assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("stream");
    }

    @Test
    void choiceCountAndEveryFinishReasonAreRecorded() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION_TWO_CHOICES);

        client(ContentCapture.SPAN_ONLY).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("What colour is the sky?").n(2L).build());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_CHOICE_COUNT)).isEqualTo(2L);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop", "length");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Blue.\"}],"
                        + "\"finish_reason\":\"stop\"},{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                        + "\"content\":\"The sky is usually\"}],\"finish_reason\":\"length\"}]");
    }

    @Test
    void toolCallRoundTripIsRecordedWithContentOn() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION_TOOL_CALLS);
        OpenAIClient client = client(ContentCapture.SPAN_ONLY);
        FunctionDefinition weather = FunctionDefinition.builder().name("get_weather")
                .description("Current weather")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties",
                                JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build())
                .build();
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model("gpt-4o")
                .addUserMessage("Weather in Paris and Lyon?").addFunctionTool(weather).parallelToolCalls(true)
                .build();

        ChatCompletion answer = client.chat().completions().create(first);
        client.chat().completions().create(first.toBuilder()
                .addMessage(answer.choices().get(0).message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_VSPygqKTWdrhaFErNvMV18Yl")
                        .content("rainy, 57°F").build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_2").content("sunny").build())
                .build());

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(2);
        SpanData firstSpan = finished.get(0);
        assertThat(attr(firstSpan, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
        assertThat(attr(firstSpan, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\","
                        + "\"name\":\"get_weather\",\"arguments\":{\"location\":\"Paris\"}},{\"type\":\"tool_call\","
                        + "\"id\":\"call_2\",\"name\":\"get_weather\",\"arguments\":{\"location\":\"Lyon\"}}],"
                        + "\"finish_reason\":\"tool_call\"}]");
        assertThat(attr(firstSpan, GEN_AI_TOOL_DEFINITIONS))
                .isEqualTo("[{\"type\":\"function\",\"name\":\"get_weather\"}]");
        assertThat(attr(finished.get(1), GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris and Lyon?\"}]},"
                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
                        + "\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\",\"name\":\"get_weather\","
                        + "\"arguments\":{\"location\":\"Paris\"}},{\"type\":\"tool_call\",\"id\":\"call_2\","
                        + "\"name\":\"get_weather\",\"arguments\":{\"location\":\"Lyon\"}}]},"
                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
                        + "\"id\":\"call_VSPygqKTWdrhaFErNvMV18Yl\",\"response\":\"rainy, 57°F\"}]},"
                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_2\","
                        + "\"response\":\"sunny\"}]}]");
    }

    @Test
    void systemMessagesStayInInputMessages() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client(ContentCapture.SPAN_ONLY).chat().completions().create(simpleParams());

        assertThat(attr(onlySpan(), GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"You are a geography tutor.\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                        + "\"content\":\"What is the capital of France?\"}]}]");
        assertThat(attr(onlySpan(), AttributeKey.stringKey("gen_ai.system_instructions"))).isNull();
    }

    @Test
    void multimodalPartsBecomeUriAndBlobParts() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        clientKeepingBlobs().chat().completions().create(multimodalParams());

        assertThat(attr(onlySpan(), GEN_AI_INPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Describe both.\"},"
                        + "{\"type\":\"uri\",\"modality\":\"image\",\"uri\":\"https://example.com/cat.png\"},"
                        + "{\"type\":\"blob\",\"mime_type\":\"image/png\",\"modality\":\"image\","
                        + "\"content\":\"iVBORw0KGgo=\"},"
                        + "{\"type\":\"blob\",\"mime_type\":\"audio/wav\",\"modality\":\"audio\","
                        + "\"content\":\"UklGRiQAAABXQVZF\"}]}]");
    }

    @Test
    void blobBytesStayOutUnlessTheCoreIsToldToKeepThem() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client(ContentCapture.SPAN_ONLY).chat().completions().create(multimodalParams());

        assertThat(attr(onlySpan(), GEN_AI_INPUT_MESSAGES)).contains("https://example.com/cat.png", "image/png")
                .doesNotContain("iVBORw0KGgo=", "UklGRiQAAABXQVZF");
    }

    private static ChatCompletionCreateParams multimodalParams() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                                .text("Describe both.").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("https://example.com/cat.png").build()).build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("data:image/png;base64,iVBORw0KGgo=").build()).build()),
                        ChatCompletionContentPart.ofInputAudio(ChatCompletionContentPartInputAudio.builder()
                                .inputAudio(ChatCompletionContentPartInputAudio.InputAudio.builder()
                                        .data("UklGRiQAAABXQVZF")
                                        .format(ChatCompletionContentPartInputAudio.InputAudio.Format.WAV)
                                        .build()).build())))
                .build();
    }

    @Test
    void refusalIsAnOutputPartOfItsOwn() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION_REFUSAL);

        client(ContentCapture.SPAN_ONLY).chat().completions().create(simpleParams());

        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"refusal\","
                        + "\"content\":\"I'm sorry, I can't help with that.\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void audioOutputIsSpeechAndABlob() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION_AUDIO);

        clientKeepingBlobs().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-audio-preview")
                .modalities(List.of(ChatCompletionCreateParams.Modality.TEXT,
                        ChatCompletionCreateParams.Modality.AUDIO))
                .audio(ChatCompletionAudioParam.builder().voice("alloy")
                        .format(ChatCompletionAudioParam.Format.WAV).build())
                .addUserMessage("Say hello.")
                .build());

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_OUTPUT_TYPE)).isEqualTo("speech");
        assertThat(attr(span, GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"blob\",\"mime_type\":\"audio/wav\","
                        + "\"modality\":\"audio\",\"content\":\"UklGRiQAAABXQVZF\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void structuredOutputIsJsonOutputType() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(simpleParams().toBuilder()
                .responseFormat(ResponseFormatJsonObject.builder().build()).build());

        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_TYPE)).isEqualTo("json");
    }

    @Test
    void contentIsOnTheEventOnlyInEventOnlyMode() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client(ContentCapture.EVENT_ONLY).chat().completions().create(simpleParams());

        assertThat(attr(onlySpan(), GEN_AI_INPUT_MESSAGES)).isNull();
        assertThat(events()).hasSize(1);
        assertThat(events().get(0).getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
        assertThat(events().get(0).getAttributes().asMap().keySet().stream().map(AttributeKey::getKey))
                .contains("gen_ai.input.messages", "gen_ai.output.messages");
    }

    @Test
    void contentIsOnSpanAndEventInSpanAndEventMode() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client(ContentCapture.SPAN_AND_EVENT).chat().completions().create(simpleParams());

        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_MESSAGES)).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                        + "\"content\":\"Paris is the capital of France.\"}],\"finish_reason\":\"stop\"}]");
        assertThat(events()).hasSize(1);
        assertThat(events().get(0).getSpanContext()).isEqualTo(onlySpan().getSpanContext());
    }

    @Test
    void noContentAndNoEventByDefault() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        client().chat().completions().create(simpleParams());

        assertThat(events()).isEmpty();
        assertThat(onlySpan().getAttributes().asMap().keySet().stream().map(AttributeKey::getKey))
                .noneMatch(key -> key.contains("messages") || key.contains("instructions")
                        || key.contains("definitions"));
    }

    @ParameterizedTest
    @CsvSource({"400, ERROR_400", "401, ERROR_401", "429, ERROR_429", "500, ERROR_500"})
    void httpErrorsRecordTheStatusCodeAndRethrowTheClientsException(int status, String payload) throws Exception {
        String body = (String) Payloads.class.getDeclaredField(payload).get(null);
        stubJson("/chat/completions", status, body);

        Throwable instrumented = catchThrowable(() -> client().chat().completions().create(simpleParams()));
        Throwable raw = catchThrowable(() -> rawClient.chat().completions().create(simpleParams()));

        assertThat(instrumented).isInstanceOf(OpenAIServiceException.class).hasSameClassAs(raw)
                .hasMessage(raw.getMessage());
        assertThat(instrumented).isInstanceOf(switch (status) {
            case 400 -> BadRequestException.class;
            case 401 -> UnauthorizedException.class;
            case 429 -> RateLimitException.class;
            default -> InternalServerException.class;
        });
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo(Integer.toString(status));
        assertThat(span.getEvents()).anyMatch(event -> event.getName().equals("exception"));
        assertThat(points("gen_ai.client.inference.duration").get(0).getAttributes().get(ERROR_TYPE))
                .isEqualTo(Integer.toString(status));
        assertThat(metrics.collectAllMetrics())
                .noneMatch(m -> m.getName().startsWith("gen_ai.client.inference.usage."));
    }

    @Test
    void connectionRefusedRecordsTheIoCauseClass() {
        int port = server.port();
        server.stop();
        OpenAIClient client = client();

        assertThatThrownBy(() -> client.chat().completions().create(simpleParams()))
                .isInstanceOf(OpenAIIoException.class);

        SpanData span = onlySpan();
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("java.net.ConnectException");
        assertThat(attr(span, SERVER_PORT)).isEqualTo((long) port);
        server.start();
    }

    @Test
    void malformedJsonFailsLikeTheRawClientAndTelemetrySurvives() {
        stubJson("/chat/completions", 200, "{\"id\": \"chatcmpl-broken\", \"choices\": [");

        Throwable instrumented = catchThrowable(() -> client().chat().completions().create(simpleParams()));
        Throwable raw = catchThrowable(() -> rawClient.chat().completions().create(simpleParams()));

        assertThat(instrumented).isNotNull().hasSameClassAs(raw);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, ERROR_TYPE)).isEqualTo(instrumented.getClass().getName());
    }

    @Test
    void unexpectedFieldTypesNeverMakeTheInstrumentationThrow() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION
                .replace("\"system_fingerprint\": \"fp_06737a9306\"", "\"system_fingerprint\": 17")
                .replace("\"prompt_tokens\": 1117", "\"prompt_tokens\": \"many\""));

        ChatCompletion instrumented = client(ContentCapture.SPAN_AND_EVENT).chat().completions()
                .create(simpleParams());
        ChatCompletion raw = rawClient.chat().completions().create(simpleParams());

        assertThat(instrumented).isEqualTo(raw);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    }

    @Test
    @SuppressWarnings("unchecked") // a JSON null in place of the required model, as a lenient caller can send
    void aRequestFieldTheClientCannotReadCostsThatFieldOnly() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);
        ChatCompletionCreateParams withoutModel = simpleParams().toBuilder().model(JsonValue.from(null)).build();

        client(ContentCapture.SPAN_ONLY).chat().completions().create(withoutModel);

        SpanData span = onlySpan();
        assertThat(attr(span, GEN_AI_REQUEST_MODEL)).isNull();
        assertThat(attr(span, GEN_AI_REQUEST_TEMPERATURE)).isEqualTo(0.2);
        assertThat(attr(span, GEN_AI_INPUT_MESSAGES)).contains("What is the capital of France?");
        assertThat(attr(span, GEN_AI_RESPONSE_ID)).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    }

    @Test
    void asyncCreateEndsTheSpanWithTheResponse() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION);

        CompletableFuture<ChatCompletion> future = asyncClient().chat().completions().create(simpleParams());
        ChatCompletion completion = future.join();

        assertThat(completion.id()).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        SpanData span = awaitOnlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(attr(span, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(1117L);
        assertThat(attr(span, GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("stop");
    }

    @Test
    void asyncCreateFailureRecordsTheStatusAndCompletesTheFutureLikeTheRawClient() {
        stubJson("/chat/completions", 429, Payloads.ERROR_429);

        CompletableFuture<ChatCompletion> future = asyncClient().chat().completions().create(simpleParams());

        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(RateLimitException.class);
        SpanData span = awaitOnlySpan();
        assertThat(attr(span, ERROR_TYPE)).isEqualTo("429");
    }

    /** A structured-output answer. */
    public record Capital(String city, String country) {}

    @Test
    void structuredOutputOverloadIsTracedAsJson() {
        stubJson("/chat/completions", 200, Payloads.CHAT_COMPLETION.replace("Paris is the capital of France.",
                "{\\\"city\\\":\\\"Paris\\\",\\\"country\\\":\\\"France\\\"}"));

        var completion = client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o").addUserMessage("Capital of France?").responseFormat(Capital.class).build());

        assertThat(completion.choices().get(0).message().content()).contains(new Capital("Paris", "France"));
        assertThat(attr(onlySpan(), GEN_AI_OUTPUT_TYPE)).isEqualTo("json");
    }
}
