package dev.genaiotel.bedrock.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.bedrock.EventStreams;
import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.EndSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;

/**
 * InvokeAgent through the real agent-runtime async client against an event-stream stub: the {@code invoke_agent}
 * span's attributes, content, usage from trace events, and every way the stream can end, with the application
 * seeing exactly what the raw client shows it.
 */
class InvokeAgentTest extends AgentRuntimeFixture {

    private static final String ANSWER_1 = "Order 1234 shipped on ";
    private static final String ANSWER_2 = "Monday and arrives Thursday.";

    private static EventStreams answerWithTraces() {
        return EventStreams.builder()
                .event("trace", preProcessingUsage(310, 42))
                .event("trace", orchestrationRationale("Look up the order"))
                .event("trace", orchestrationUsage(1200, 85))
                .event("trace", orchestrationUsage(1650, 60))
                .chunk(ANSWER_1)
                .chunk(ANSWER_2);
    }

    private static RecordingHandler invoke(BedrockAgentRuntimeAsyncClient client, boolean enableTrace)
            throws InterruptedException {
        RecordingHandler handler = RecordingHandler.draining();
        client.invokeAgent(request(enableTrace), handler).join();
        assertThat(handler.awaitFinished()).isTrue();
        return handler;
    }

    @Test
    void completedInvocationRecordsExactlyTheAgentSpanAttributes() throws Exception {
        stubEventStream(answerWithTraces().build());

        RecordingHandler handler = invoke(client(), true);

        assertThat(handler.text()).isEqualTo(ANSWER_1 + ANSWER_2);
        assertThat(handler.completions).hasValue(1);
        assertThat(handler.errors).isEmpty();
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_agent");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attributes(span)).containsExactly(
                entry("aws.bedrock.agent_alias.id", ALIAS_ID),
                entry("gen_ai.agent.id", AGENT_ID),
                entry("gen_ai.conversation.id", SESSION_ID),
                entry("gen_ai.operation.name", "invoke_agent"),
                entry("gen_ai.provider.name", "aws.bedrock"),
                entry("gen_ai.usage.input_tokens", 310L + 1200L + 1650L),
                entry("gen_ai.usage.output_tokens", 42L + 85L + 60L),
                entry("server.address", endpoint().getHost()),
                entry("server.port", (long) server.port()));
    }

    @Test
    void publicEntryPointWrapsTheAgentClient() throws Exception {
        stubEventStream(answerWithTraces().build());
        GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk).setSettingsSources(key -> null, key -> null)
                .setServiceLoaderListeners(false).build();

        BedrockAgentRuntimeAsyncClient client = BedrockTelemetry.builder(telemetry).build().wrapAgentRuntime(rawClient);
        invoke(client, true);

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("invoke_agent");
        assertThat(attributes(span)).containsEntry("gen_ai.agent.id", AGENT_ID)
                .containsEntry("gen_ai.usage.input_tokens", 310L + 1200L + 1650L);
    }

    @Test
    void applicationSeesTheSameEventsAsWithTheRawClient() throws Exception {
        stubEventStream(answerWithTraces().build());

        RecordingHandler raw = invoke(rawClient, true);
        RecordingHandler instrumented = invoke(contentClient(), true);

        assertThat(instrumented.events).containsExactlyElementsOf(raw.events);
        assertThat(instrumented.events).hasSize(6);
        assertThat(instrumented.response.sessionId()).isEqualTo(raw.response.sessionId()).isEqualTo(SESSION_ID);
        assertThat(instrumented.completions).hasValue(1);
    }

    @Test
    void handlerBuiltWithTheSdkVisitorSeesEveryChunk() {
        stubEventStream(answerWithTraces().build());
        StringBuilder seen = new StringBuilder();
        InvokeAgentResponseHandler handler = InvokeAgentResponseHandler.builder()
                .subscriber(InvokeAgentResponseHandler.Visitor.builder()
                        .onChunk(chunk -> seen.append(chunk.bytes().asUtf8String()))
                        .build())
                .build();

        contentClient().invokeAgent(request(true), handler).join();

        assertThat(seen.toString()).isEqualTo(ANSWER_1 + ANSWER_2);
        assertThat(attributes(onlySpan()))
                .containsEntry("gen_ai.usage.output_tokens", 42L + 85L + 60L)
                .containsEntry("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
                        + "\"content\":\"" + ANSWER_1 + ANSWER_2 + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void contentIsNotRecordedByDefault() throws Exception {
        stubEventStream(answerWithTraces().build());

        invoke(client(), true);

        assertThat(attributes(onlySpan())).doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages",
                "gen_ai.prompt.0.content", "gen_ai.completion.0.content");
    }

    @Test
    void contentCaptureRecordsInputTextAndStreamedCompletion() throws Exception {
        stubEventStream(answerWithTraces().build());

        invoke(contentClient(), true);

        Map<String, Object> attributes = attributes(onlySpan());
        assertThat(attributes).containsEntry("gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + INPUT_TEXT + "\"}]}]");
        assertThat(attributes).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_1 + ANSWER_2
                        + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void characterSplitAcrossChunksIsJoined() throws Exception {
        byte[] word = "café ✓".getBytes(StandardCharsets.UTF_8);
        int split = word.length - 2;
        stubEventStream(EventStreams.builder()
                .chunk(Arrays.copyOfRange(word, 0, split))
                .chunk(Arrays.copyOfRange(word, split, word.length))
                .build());

        invoke(contentClient(), false);

        assertThat(attributes(onlySpan())).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"café ✓\"}],"
                        + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void recordedCompletionStopsAtTheStreamedContentBound() throws Exception {
        stubEventStream(answerWithTraces().build());

        RecordingHandler handler = invoke(client(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY).setMaxContentChars(10)), true);

        assertThat(handler.text()).isEqualTo(ANSWER_1 + ANSWER_2);
        assertThat(attributes(onlySpan())).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_1.substring(0, 10)
                        + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void completionOfThreeByteCharactersFillsTheBoundFromEnoughChunks() throws Exception {
        stubEventStream(EventStreams.builder().chunk("✓").chunk("✓✓").chunk("✓").chunk("✓✓✓").chunk("✓✓").build());

        RecordingHandler handler = invoke(client(builder -> builder
                .setContentCapture(ContentCapture.SPAN_ONLY).setMaxContentChars(5)), false);

        assertThat(handler.text()).isEqualTo("✓✓✓✓✓✓✓✓✓");
        assertThat(attributes(onlySpan())).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"✓✓✓✓✓\"}],"
                        + "\"finish_reason\":\"stop\"}]");
    }

    @Test
    void noUsageIsRecordedWhenTheCallerDidNotEnableTraces() throws Exception {
        stubEventStream(EventStreams.builder().chunk(ANSWER_1).chunk(ANSWER_2).build());

        invoke(client(), false);

        assertThat(attributes(onlySpan())).doesNotContainKeys("gen_ai.usage.input_tokens",
                "gen_ai.usage.output_tokens");
        server.verify(postRequestedFor(urlPathEqualTo(INVOKE_PATH))
                .withRequestBody(equalToJson(
                        "{\"enableTrace\":false,\"inputText\":\"" + INPUT_TEXT + "\"}", true, true)));
    }

    @Test
    void agentAliasGoesToTheLlmTracekitAttributeOnlyInTheFlattenedFormat() throws Exception {
        stubEventStream(answerWithTraces().build());

        invoke(client(), true);
        invoke(client(builder -> builder.setCompatibilityFormats(CompatibilityFormat.FLATTENED_ATTRIBUTES)), true);

        assertThat(spans.getFinishedSpanItems()).hasSize(2);
        assertThat(attributes(spans.getFinishedSpanItems().get(0))).doesNotContainKey("gen_ai.bedrock.agent_alias.id");
        assertThat(attributes(spans.getFinishedSpanItems().get(1)))
                .containsEntry("gen_ai.bedrock.agent_alias.id", ALIAS_ID);
    }

    @ParameterizedTest
    @CsvSource({
        "429, ThrottlingException, Rate exceeded",
        "403, AccessDeniedException, User is not authorized to perform bedrock:InvokeAgent",
        "404, ResourceNotFoundException, Agent AGT7KQ2XBZ not found",
    })
    void serviceErrorSetsTheAwsErrorCodeAndReachesTheApplicationUnchanged(int status, String code, String message)
            throws Exception {
        stubServiceError(status, code, message);

        RecordingHandler rawHandler = RecordingHandler.draining();
        Throwable raw = catchThrowable(() -> rawClient.invokeAgent(request(false), rawHandler).join());
        RecordingHandler handler = RecordingHandler.draining();
        Throwable instrumented = catchThrowable(() -> client().invokeAgent(request(false), handler).join());

        assertThat(instrumented).isInstanceOf(CompletionException.class);
        assertThat(instrumented.getCause()).hasSameClassAs(raw.getCause()).hasMessage(raw.getCause().getMessage());
        assertThat(instrumented.getCause().getClass().getSimpleName()).isEqualTo(code);
        assertThat(handler.errors).hasSize(1);
        assertThat(handler.errors.get(0)).hasSameClassAs(rawHandler.errors.get(0));
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attributes(span)).containsEntry("error.type", code);
    }

    @Test
    void exceptionEventMidStreamSetsItsErrorCode() throws Exception {
        byte[] body = EventStreams.builder()
                .event("trace", orchestrationUsage(900, 40))
                .chunk(ANSWER_1)
                .exception("throttlingException", "Your request rate is too high")
                .build();
        stubEventStream(body);

        RecordingHandler rawHandler = RecordingHandler.draining();
        Throwable raw = catchThrowable(() -> rawClient.invokeAgent(request(true), rawHandler).join());
        RecordingHandler handler = RecordingHandler.draining();
        Throwable instrumented = catchThrowable(() -> contentClient().invokeAgent(request(true), handler).join());

        assertThat(raw).isNotNull();
        assertThat(instrumented).hasSameClassAs(raw);
        assertThat(instrumented.getCause()).hasSameClassAs(raw.getCause()).hasMessage(raw.getCause().getMessage());
        assertThat(handler.events).containsExactlyElementsOf(rawHandler.events);
        assertThat(handler.errors).hasSize(rawHandler.errors.size());
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attributes(span)).containsEntry("error.type", "ThrottlingException");
    }

    @Test
    void malformedFrameFailsTheSpanAndReachesTheApplicationUnchanged() throws Exception {
        byte[] body = EventStreams.builder().chunk(ANSWER_1).chunk(ANSWER_2).buildCorrupted();
        stubEventStream(body);

        RecordingHandler rawHandler = RecordingHandler.draining();
        Throwable raw = catchThrowable(() -> rawClient.invokeAgent(request(false), rawHandler).join());
        RecordingHandler handler = RecordingHandler.draining();
        Throwable instrumented = catchThrowable(() -> client().invokeAgent(request(false), handler).join());

        assertThat(raw).isNotNull();
        assertThat(instrumented).hasSameClassAs(raw);
        assertThat(instrumented.getCause()).hasSameClassAs(raw.getCause()).hasMessage(raw.getCause().getMessage());
        assertThat(handler.events).containsExactlyElementsOf(rawHandler.events);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(handler.errors).extracting(Object::getClass)
                .containsExactlyElementsOf(rawHandler.errors.stream().map(Object::getClass).toList());
        assertThat(attributes(span)).containsEntry("error.type", handler.errors.get(0).getClass().getName());
    }

    @Test
    void streamCutOffInTheMiddleOfAFrameEndsTheSpanOnceAndTheApplicationSeesWhatTheRawClientSees()
            throws Exception {
        byte[] body = EventStreams.builder().chunk(ANSWER_1).chunk(ANSWER_2).buildTruncated(9);
        stubEventStream(body);

        RecordingHandler rawHandler = RecordingHandler.draining();
        Throwable raw = catchThrowable(() -> rawClient.invokeAgent(request(false), rawHandler).join());
        RecordingHandler handler = RecordingHandler.draining();
        Throwable instrumented = catchThrowable(() -> contentClient().invokeAgent(request(false), handler).join());

        assertThat(handler.events).containsExactlyElementsOf(rawHandler.events);
        assertThat(handler.errors).extracting(Object::getClass)
                .containsExactlyElementsOf(rawHandler.errors.stream().map(Object::getClass).toList());
        assertThat(handler.completions).hasValue(rawHandler.completions.get());
        if (raw == null) {
            assertThat(instrumented).isNull();
        } else {
            assertThat(instrumented).hasSameClassAs(raw);
        }
        SpanData span = onlySpan();
        assertThat(attributes(span)).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_1
                        + "\"}],\"finish_reason\":\"stop\"}]");
    }

    @Test
    void switchedOffTelemetryRecordsNothingAndChangesNothing() throws Exception {
        stubEventStream(answerWithTraces().build());

        RecordingHandler handler = invoke(client(builder -> builder.setEnabled(false)), true);

        assertThat(handler.text()).isEqualTo(ANSWER_1 + ANSWER_2);
        assertThat(handler.completions).hasValue(1);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void cancellationByTheHandlerEndsTheSpanWithWhatArrived() throws Exception {
        stubEventStream(EventStreams.builder().chunk(ANSWER_1).chunk(ANSWER_2)
                .event("trace", orchestrationUsage(5, 6)).build());

        RecordingHandler handler = RecordingHandler.cancellingAfter(1);
        CompletableFuture<Void> future = contentClient().invokeAgent(request(true), handler);
        assertThat(handler.awaitFinished()).isTrue();

        assertThat(handler.events).hasSize(1);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attributes(span)).containsEntry("gen_ai.output.messages",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_1
                        + "\"}],\"finish_reason\":\"error\"}]")
                .doesNotContainKeys("gen_ai.usage.input_tokens", "error.type");
        future.handle((ignored, error) -> null).join();
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void cancellingTheFutureEndsTheSpanOnce() {
        server.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withFixedDelay(10_000)
                .withBody(answerWithTraces().build())));
        RecordingHandler handler = RecordingHandler.draining();

        CompletableFuture<Void> future = client().invokeAgent(request(true), handler);
        assertThat(future.cancel(true)).isTrue();

        assertThat(future).isCancelled();
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attributes(span)).doesNotContainKeys("error.type", "gen_ai.usage.input_tokens");
    }

    @Test
    void eventStreamDroppedWithoutSubscriberStillEndsTheSpan() throws Exception {
        stubEventStream(answerWithTraces().build());
        startAndDropStream(client());

        await(() -> {
            System.gc();
            return !spans.getFinishedSpanItems().isEmpty();
        });

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attributes(span)).containsEntry("error.type", "stream_abandoned");
    }

    private static void startAndDropStream(BedrockAgentRuntimeAsyncClient client) {
        client.invokeAgent(request(true), new InvokeAgentResponseHandler() {
            @Override
            public void responseReceived(InvokeAgentResponse response) {
            }

            @Override
            public void onEventStream(SdkPublisher<ResponseStream> publisher) {
            }

            @Override
            public void exceptionOccurred(Throwable error) {
            }

            @Override
            public void complete() {
            }
        });
    }

    @Test
    void otherOperationsAreDelegatedWithoutSpans() {
        server.stubFor(patch(urlPathMatching("/sessions/" + SESSION_ID + "/?")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"sessionArn\":\"arn:aws:bedrock:us-east-1:123456789012:session/" + SESSION_ID
                        + "\",\"sessionId\":\"" + SESSION_ID + "\",\"sessionStatus\":\"ENDED\"}")));
        BedrockAgentRuntimeAsyncClient client = client();

        EndSessionResponse response = client.endSession(b -> b.sessionIdentifier(SESSION_ID)).join();

        assertThat(response.sessionId()).isEqualTo(SESSION_ID);
        assertThat(client.serviceName()).isEqualTo(rawClient.serviceName());
        assertThat(client.serviceClientConfiguration().region()).isEqualTo(rawClient.serviceClientConfiguration()
                .region());
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void credentialsNeverReachTheSpan() throws Exception {
        stubEventStream(answerWithTraces().build());

        invoke(contentClient(), true);

        assertThat(attributes(onlySpan()).values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY).doesNotContain("Signature"));
    }
}
