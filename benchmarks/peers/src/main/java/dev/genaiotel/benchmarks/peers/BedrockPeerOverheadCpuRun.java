package dev.genaiotel.benchmarks.peers;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.GenAiTelemetryBuilder;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * (between the hooks the SDK runs some 25 us of its own code and allocates 56 KB, after which the span and metric
 * structures the hooks touch are cold again), which is what {@link BedrockPeerCpuRun} measures; this runner compares
 * what each instrumentation does, as {@link OpenAiPeerOverheadCpuRun} does for OpenAI. Run with
 * {@code java -cp benchmarks-peers.jar dev.genaiotel.benchmarks.peers.BedrockPeerOverheadCpuRun [rounds] [group]
 * [processors]}: 41 rounds by default; group {@code off} (the default: content off, ours against the peer, and
 * genai-core's part alone as {@link BedrockPeerBenchmark}'s {@code coreOnlyConverse} does it),
 * {@code content} (ours with {@code SPAN_AND_EVENT} and {@code EVENT_ONLY} against the peer with capture on) or
 * {@code semconv} (ours, content off, under each conventions setting); processors {@code simple} (the default) or
 * {@code batch} (see {@link PeerSdk}).
 */
public final class BedrockPeerOverheadCpuRun {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final ClientEndpointProvider ENDPOINT = ClientEndpointProvider.create(
            URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), false);

    private BedrockPeerOverheadCpuRun() {}

    /** Runs the Converse group of the chosen variants. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        String group = args.length > 1 ? args[1] : "off";
        boolean batch = args.length > 2 && "batch".equals(args[2]);
        OpenTelemetrySdk sdk = batch ? PeerSdk.batching() : PeerSdk.discarding();
        Call call = new Call();
        PairedCpuRun run = new PairedCpuRun("Bedrock Converse interceptors alone (sync hooks), " + group + ", "
                + (batch ? "batch" : "simple") + " processors");
        ExecutionInterceptor noop = new ExecutionInterceptor() { };
        run.add("noopInterceptor", () -> call.run(noop));
        try {
            switch (group) {
                case "off":
                    add(run, call, "oursConverseNoContent", ours(sdk, ContentCapture.NO_CONTENT), false);
                    add(run, call, "peerConverseNoContent", peer(sdk, false), true);
                    add(run, call, "coreOnlyConverse", new BedrockPeerBenchmark.CoreOnlyInterceptor(
                            telemetry(sdk, ContentCapture.NO_CONTENT)), false);
                    run.ratio("oursConverseNoContent", "peerConverseNoContent", true);
                    break;
                case "content":
                    add(run, call, "oursConverseSpanAndEvent", ours(sdk, ContentCapture.SPAN_AND_EVENT), true);
                    add(run, call, "oursConverseEventOnly", ours(sdk, ContentCapture.EVENT_ONLY), true);
                    add(run, call, "peerConverseContent", peer(sdk, true), true);
                    run.ratio("oursConverseSpanAndEvent", "peerConverseContent", true);
                    run.ratio("oursConverseEventOnly", "peerConverseContent", true);
                    break;
                case "semconv":
                    add(run, call, "oursConverse", ours(sdk, ContentCapture.NO_CONTENT), false);
                    add(run, call, "oursConverseLegacy", ours(sdk, ContentCapture.NO_CONTENT,
                            SemconvVersion.V1_41_0), false);
                    add(run, call, "oursConverseDual", ours(sdk, ContentCapture.NO_CONTENT, SemconvVersion.V0_1_0,
                            SemconvVersion.V1_41_0), false);
                    run.ratio("oursConverse", "oursConverseLegacy", true);
                    run.ratio("oursConverseDual", "oursConverse", true);
                    break;
                default:
                    throw new IllegalArgumentException("group: off, content or semconv, not " + group);
            }
            run.run(5, rounds, 5_000_000L);
            if (batch) {
                PeerSdk.checkNothingDropped(sdk);
            }
        } finally {
            sdk.close();
        }
    }

    private static void add(PairedCpuRun run, Call call, String name, ExecutionInterceptor interceptor,
            boolean events) {
        PeerSdk.expectRecorded(name, events, () -> call.run(interceptor));
        run.add(name, () -> call.run(interceptor));
    }

    private static ExecutionInterceptor ours(OpenTelemetrySdk sdk, ContentCapture capture,
            SemconvVersion... versions) {
        return BedrockTelemetry.builder(telemetry(sdk, capture, versions)).build().newExecutionInterceptor();
    }

    private static GenAiTelemetry telemetry(OpenTelemetrySdk sdk, ContentCapture capture,
            SemconvVersion... versions) {
        GenAiTelemetryBuilder builder = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture != ContentCapture.NO_CONTENT);
        if (versions.length > 0) {
            builder.setSemconvVersion(versions[0], Arrays.copyOfRange(versions, 1, versions.length));
        }
        return builder.build();
    }

    private static ExecutionInterceptor peer(OpenTelemetrySdk sdk, boolean content) {
        return AwsSdkTelemetry.builder(sdk).setGenaiCaptureMessageContent(content).build()
                .createExecutionInterceptor();
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
