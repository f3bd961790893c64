package dev.genaiotel.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.semconv.GenAiAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Requests the AWS SDK refuses before sending them (a null or empty model id cannot be marshalled into the URI path):
 * the SDK calls no interceptor hook after {@code beforeMarshalling}, yet the span ends exactly once, failed with the
 * type of the exception the application gets, and the duration is recorded, on sync and async clients alike.
 */
class RejectedBeforeSendingTest extends BedrockFixture {

    private static final String SDK_CLIENT_EXCEPTION = SdkClientException.class.getName();

    private static Message question() {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hello?")).build();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void syncConverseRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        Throwable thrown = catchThrowable(() -> client.converse(ConverseRequest.builder().modelId(modelId)
                .messages(question()).build()));

        assertThat(thrown).isInstanceOf(SdkClientException.class).hasMessageStartingWith("Unable to marshall request");
        assertFailedOnceBeforeSending("chat");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void asyncConverseRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        Throwable thrown = catchThrowable(() -> client.converse(ConverseRequest.builder().modelId(modelId)
                .messages(question()).build()).get(10, TimeUnit.SECONDS));

        assertThat(thrown).hasCauseInstanceOf(SdkClientException.class);
        assertFailedOnceBeforeSending("chat");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void syncInvokeModelRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockRuntimeClient client = syncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        Throwable thrown = catchThrowable(() -> client.invokeModel(InvokeModelRequest.builder().modelId(modelId)
                .contentType("application/json").body(SdkBytes.fromUtf8String("{\"inputText\":\"Hello?\"}"))
                .build()));

        assertThat(thrown).isInstanceOf(SdkClientException.class);
        assertFailedOnceBeforeSending(null);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void asyncConverseStreamThroughInterceptorRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockRuntimeAsyncClient client = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());
        RecordingConverseHandler handler = new RecordingConverseHandler(RecordingConverseHandler.Mode.DRAIN);

        Throwable thrown = catchThrowable(() -> client.converseStream(ConverseStreamRequest.builder()
                .modelId(modelId).messages(question()).build(), handler).get(10, TimeUnit.SECONDS));

        assertThat(thrown).hasCauseInstanceOf(SdkClientException.class);
        assertFailedOnceBeforeSending("chat");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void wrappedAsyncConverseRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient client = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        Throwable thrown = catchThrowable(() -> client.converse(ConverseRequest.builder().modelId(modelId)
                .messages(question()).build()).join());

        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SdkClientException.class);
        assertFailedOnceBeforeSending("chat");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void wrappedAsyncConverseStreamRejectedBeforeSendingEndsSpanAsFailed(String modelId) {
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient client = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));
        RecordingConverseHandler handler = new RecordingConverseHandler(RecordingConverseHandler.Mode.DRAIN);

        Throwable thrown = catchThrowable(() -> client.converseStream(ConverseStreamRequest.builder()
                .modelId(modelId).messages(question()).build(), handler).get(10, TimeUnit.SECONDS));

        assertThat(thrown).hasCauseInstanceOf(SdkClientException.class);
        assertFailedOnceBeforeSending("chat");
    }

    /** One span, failed with the SDK's exception type; one duration point with that type; nothing reached the wire. */
    private void assertFailedOnceBeforeSending(String operation) {
        SpanData span = awaitOnlySpan();
        assertThat(span.hasEnded()).isTrue();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, GenAiAttributes.ERROR_TYPE)).isEqualTo(SDK_CLIENT_EXCEPTION);
        if (operation != null) {
            assertThat(attr(span, GenAiAttributes.GEN_AI_OPERATION_NAME)).isEqualTo(operation);
        }
        List<HistogramPointData> durations = points("gen_ai.client.inference.duration");
        assertThat(durations).hasSize(1);
        assertThat(durations.get(0).getCount()).isEqualTo(1);
        assertThat(durations.get(0).getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo(SDK_CLIENT_EXCEPTION);
        sleep(50);
        assertThat(spans.getFinishedSpanItems()).as("ended exactly once").hasSize(1);
        assertThat(server.getAllServeEvents()).as("nothing was sent").isEmpty();
    }
}
