package dev.genaiotel.benchmarks.peers;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeResponseMetadata;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The interceptors' own cost, without the AWS SDK's: each variant calls one interceptor's hooks in the order and with
 * the kinds of context a sync {@code BedrockRuntimeClient} Converse call passes them ({@link BedrockPeerBenchmark}'s
 * request, the response its canned body unmarshals to, the SDK's own {@code InterceptorContext} and a fresh
 * {@code ExecutionAttributes} per call with the attributes the interceptors read). The baseline builds the per-call
 * attributes and calls a no-op interceptor's hooks. Inside the real client the same work costs several times more
 * and varies from run to run (the SDK's 30 to 80 us of code and 57 KB of allocation between the hooks leave their
 * data cold, and the machine's load adds to that), which is what {@link BedrockPeerCpuRun} measures; this runner
 * compares what each instrumentation does, as {@link OpenAiPeerOverheadCpuRun} does for OpenAI. Content off. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.BedrockPeerOverheadCpuRun [rounds]} (41 by
 * default).
 */
public final class BedrockPeerOverheadCpuRun {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final ClientEndpointProvider ENDPOINT = ClientEndpointProvider.create(
            URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), false);

    private BedrockPeerOverheadCpuRun() {}

    /** Runs the Converse group, content off. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        OpenTelemetrySdk sdk = PeerSdk.discarding();
        GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(ContentCapture.NO_CONTENT).setEmitEvent(false).build();
        ExecutionInterceptor ours = BedrockTelemetry.builder(telemetry).build().newExecutionInterceptor();
        ExecutionInterceptor peer = AwsSdkTelemetry.builder(sdk).setGenaiCaptureMessageContent(false).build()
                .createExecutionInterceptor();
        ExecutionInterceptor noop = new ExecutionInterceptor() { };
        Call call = new Call();
        try {
            call.run(ours);
            call.run(peer);
            new PairedCpuRun("Bedrock Converse interceptors alone (sync hooks, content off)")
                    .add("noopInterceptor", () -> call.run(noop))
                    .add("oursConverseNoContent", () -> call.run(ours))
                    .add("peerConverseNoContent", () -> call.run(peer))
                    .run(5, rounds, 5_000_000L);
        } finally {
            sdk.close();
        }
    }

    /** The contexts of one Converse call, and the hooks the SDK calls with them. */
    private static final class Call {
        private final InterceptorContext beforeMarshalling;
        private final InterceptorContext afterMarshalling;
        private final InterceptorContext afterTransmission;
        private final InterceptorContext afterUnmarshalling;

        Call() {
            ConverseRequest request = ConverseRequest.builder()
                    .modelId(MODEL)
                    .system(SystemContentBlock.fromText("You are a helpful assistant."))
                    .messages(Message.builder().role(ConversationRole.USER)
                            .content(ContentBlock.fromText("Why is the sky blue?")).build())
                    .inferenceConfig(config -> config.maxTokens(256).temperature(0.2f))
                    .build();
            byte[] body = ("{\"modelId\":\"" + MODEL + "\"}").getBytes(StandardCharsets.UTF_8);
            SdkHttpFullRequest httpRequest = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                    .protocol("https").host("bedrock-runtime.us-east-1.amazonaws.com")
                    .encodedPath("/model/" + MODEL + "/converse")
                    .putHeader("Content-Type", "application/json").build();
            SdkHttpResponse httpResponse = SdkHttpResponse.builder().statusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-RequestId", "6f2c1a52-2b8e-4d36-9a6e-3b0c8d1e7f10").build();
            ConverseResponse response = (ConverseResponse) ConverseResponse.builder()
                    .output(output -> output.message(message -> message.role(ConversationRole.ASSISTANT)
                            .content(ContentBlock.fromText("The sky is blue because of Rayleigh scattering."))))
                    .stopReason(StopReason.END_TURN)
                    .usage(usage -> usage.inputTokens(26).outputTokens(12).totalTokens(38))
                    .metrics(metrics -> metrics.latencyMs(412L))
                    .responseMetadata(BedrockRuntimeResponseMetadata.create(DefaultAwsResponseMetadata.create(
                            Map.of("AWS_REQUEST_ID", "6f2c1a52-2b8e-4d36-9a6e-3b0c8d1e7f10"))))
                    .sdkHttpResponse(httpResponse)
                    .build();
            beforeMarshalling = InterceptorContext.builder().request(request).build();
            afterMarshalling = beforeMarshalling.copy(b -> b.httpRequest(httpRequest)
                    .requestBody(RequestBody.fromBytes(body)));
            afterTransmission = afterMarshalling.copy(b -> b.httpResponse(httpResponse)
                    .responseBody(new ByteArrayInputStream(body)));
            afterUnmarshalling = afterTransmission.copy(b -> b.response(response));
        }

        /** One call's hooks, in the SDK's order for a sync client. */
        void run(ExecutionInterceptor interceptor) {
            ExecutionAttributes attributes = new ExecutionAttributes()
                    .putAttribute(SdkExecutionAttribute.SERVICE_NAME, "BedrockRuntime")
                    .putAttribute(SdkExecutionAttribute.OPERATION_NAME, "Converse")
                    .putAttribute(SdkExecutionAttribute.CLIENT_TYPE, ClientType.SYNC)
                    .putAttribute(AwsExecutionAttribute.AWS_REGION, Region.US_EAST_1)
                    .putAttribute(SdkInternalExecutionAttribute.CLIENT_ENDPOINT_PROVIDER, ENDPOINT);
            interceptor.beforeExecution(beforeMarshalling, attributes);
            interceptor.modifyRequest(beforeMarshalling, attributes);
            interceptor.beforeMarshalling(beforeMarshalling, attributes);
            interceptor.afterMarshalling(afterMarshalling, attributes);
            interceptor.modifyAsyncHttpContent(afterMarshalling, attributes);
            interceptor.modifyHttpContent(afterMarshalling, attributes);
            interceptor.modifyHttpRequest(afterMarshalling, attributes);
            interceptor.beforeTransmission(afterMarshalling, attributes);
            interceptor.afterTransmission(afterTransmission, attributes);
            interceptor.modifyHttpResponse(afterTransmission, attributes);
            interceptor.modifyHttpResponseContent(afterTransmission, attributes);
            interceptor.beforeUnmarshalling(afterTransmission, attributes);
            interceptor.afterUnmarshalling(afterUnmarshalling, attributes);
            interceptor.modifyResponse(afterUnmarshalling, attributes);
            interceptor.afterExecution(afterUnmarshalling, attributes);
        }
    }
}
